// What an action taken from the page did (a save from the context menu or
// the keyboard shortcut, "Follow “…”" on a selection), in one line at the top
// right of the page for a few seconds: drawn in the card's shadow root with
// the card's own look, announced to screen readers, never taking the focus
// from the page.
const SHOWN_MS = 6000;
const MARGIN = 12;

/** A notice on screen, and when it goes (performance.now()): what the page's next start shows on. */
export interface ShownNotice {
  text: string;
  ok: boolean;
  untilMs: number;
}

export class PageNotice {
  private el: HTMLElement | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private shown: ShownNotice | null = null;

  constructor(
    private readonly doc: Document,
    private readonly root: () => ShadowRoot,
  ) {}

  /**
   * Shows `text` for a few seconds. A notice carried over from the page's
   * previous start (`until` given) keeps its time left and is not announced
   * again: screen readers heard it when it first came.
   */
  show(text: string, ok: boolean, until?: number): void {
    this.hide();
    const untilMs = until ?? performance.now() + SHOWN_MS;
    const el = this.doc.createElement('div');
    el.className = 'card';
    if (until === undefined) el.setAttribute('role', ok ? 'status' : 'alert');
    el.dataset.pageNotice = ok ? 'ok' : 'error';
    const line = this.doc.createElement('p');
    line.className = ok ? 'notice' : 'notice error';
    line.textContent = text;
    el.append(line);
    el.style.top = `${MARGIN}px`;
    el.style.right = `${MARGIN}px`;
    this.root().append(el);
    this.el = el;
    this.shown = { text, ok, untilMs };
    this.timer = setTimeout(() => this.hide(), Math.max(0, untilMs - performance.now()));
  }

  /** The notice on screen now, if any. */
  current(): ShownNotice | null {
    return this.shown && this.shown.untilMs > performance.now() ? this.shown : null;
  }

  hide(): void {
    clearTimeout(this.timer);
    this.el?.remove();
    this.el = null;
    this.shown = null;
  }
}
