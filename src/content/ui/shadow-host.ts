// The one element the content script adds to a page: a host for our UI, with a
// closed shadow root so that the page's CSS and scripts leave it alone. Created
// on first use. Styles are adopted as a constructed sheet, which a page's CSP
// does not govern; a <style> element is the fallback.

export const HOST_TAG = 'newscontext-ui';

export class ShadowHost {
  private hostEl: HTMLElement | null = null;
  private root: ShadowRoot | null = null;

  constructor(
    private readonly doc: Document,
    private readonly css: string,
  ) {}

  get host(): HTMLElement | null {
    return this.hostEl;
  }

  /** The shadow root, creating the host on first call. */
  ensure(): ShadowRoot {
    if (this.root && this.hostEl?.isConnected) return this.root;
    const host = this.doc.createElement(HOST_TAG);
    // Out of the page's layout and above it. Inherited page styles stop at the
    // card's own `:host { all: initial }`.
    for (const [prop, value] of [
      ['position', 'fixed'],
      ['top', '0'],
      ['left', '0'],
      ['width', '0'],
      ['height', '0'],
      ['z-index', '2147483647'],
      ['display', 'block'],
    ] as const) {
      host.style.setProperty(prop, value, 'important');
    }
    const root = host.attachShadow({ mode: 'closed' });
    if (!adoptSheet(root, this.css)) {
      const style = this.doc.createElement('style');
      style.textContent = this.css;
      root.append(style);
    }
    this.doc.documentElement.append(host);
    this.hostEl = host;
    this.root = root;
    return root;
  }

  destroy(): void {
    this.hostEl?.remove();
    this.hostEl = null;
    this.root = null;
  }
}

function adoptSheet(root: ShadowRoot, css: string): boolean {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [sheet];
    return root.adoptedStyleSheets.length === 1;
  } catch {
    return false;
  }
}
