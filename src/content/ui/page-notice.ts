// What an action taken from the page did (a save from the context menu or
// the keyboard shortcut, "Follow “…”" on a selection), in one line at the top
// right of the page for a few seconds: drawn in the card's shadow root with
// the card's own look, announced to screen readers, never taking the focus
// from the page.
const SHOWN_MS = 6000;
const MARGIN = 12;

export class PageNotice {
  private el: HTMLElement | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly doc: Document,
    private readonly root: () => ShadowRoot,
  ) {}

  show(text: string, ok: boolean): void {
    this.hide();
    const el = this.doc.createElement('div');
    el.className = 'card';
    el.setAttribute('role', ok ? 'status' : 'alert');
    el.dataset.pageNotice = ok ? 'ok' : 'error';
    const line = this.doc.createElement('p');
    line.className = ok ? 'notice' : 'notice error';
    line.textContent = text;
    el.append(line);
    el.style.top = `${MARGIN}px`;
    el.style.right = `${MARGIN}px`;
    this.root().append(el);
    this.el = el;
    this.timer = setTimeout(() => this.hide(), SHOWN_MS);
  }

  hide(): void {
    clearTimeout(this.timer);
    this.el?.remove();
    this.el = null;
  }
}
