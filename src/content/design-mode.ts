// Whether a document is in design mode: the whole page an editor. Rich-text
// editors turn it on in an iframe of theirs, often after it has loaded (and
// after we have scanned it), and a page can switch it off again. No event and
// no mutation record tells of it, so the watch looks at it when editing would
// begin (a key about to change the text, the focus coming in, a press of the
// pointer) and whenever the caller sees the page change. While design mode is
// on it also looks every second: a script that turns it off (an editor's
// preview) may do so with no input and no change to the text, and the names
// would stay away until the reader's next click. Reading the property is all a
// look costs.

/** Where editing begins; capture, so that a page that stops propagation does not hide them. */
const EVENTS = ['beforeinput', 'focusin', 'pointerdown'] as const;

/** How often to look while design mode is on. */
export const DESIGN_MODE_POLL_MS = 1000;

export class DesignModeWatch {
  private on: boolean;
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly doc: Document,
    /** Called when design mode goes on or off. */
    private readonly onChange: (on: boolean) => void,
  ) {
    this.on = doc.designMode === 'on';
    for (const type of EVENTS) doc.addEventListener(type, this.check, { capture: true, passive: true });
    this.poll();
  }

  /** Design mode is on: nothing in the document is ours to flag. */
  get isOn(): boolean {
    return this.on;
  }

  /** Looks again; calls back if it changed. */
  readonly check = (): void => {
    const on = this.doc.designMode === 'on';
    if (on === this.on) return;
    this.on = on;
    this.poll();
    this.onChange(on);
  };

  destroy(): void {
    for (const type of EVENTS) this.doc.removeEventListener(type, this.check, { capture: true });
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Looks every DESIGN_MODE_POLL_MS while design mode is on; not at all while it is off. */
  private poll(): void {
    if (this.on && this.timer === undefined) this.timer = setInterval(this.check, DESIGN_MODE_POLL_MS);
    if (!this.on && this.timer !== undefined) {
      clearInterval(this.timer);
      this.timer = undefined;
    }
  }
}
