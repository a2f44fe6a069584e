// Whether a document is in design mode: the whole page an editor. Rich-text
// editors turn it on in an iframe of theirs, often after it has loaded (and
// after we have scanned it), and a page can switch it off again. No event and
// no mutation record tells of it, so the watch looks at it when editing would
// begin (a key about to change the text, the focus coming in, a press of the
// pointer) and whenever the caller sees the page change. Reading the property
// is all a look costs.

/** Where editing begins; capture, so that a page that stops propagation does not hide them. */
const EVENTS = ['beforeinput', 'focusin', 'pointerdown'] as const;

export class DesignModeWatch {
  private on: boolean;

  constructor(
    private readonly doc: Document,
    /** Called when design mode goes on or off. */
    private readonly onChange: (on: boolean) => void,
  ) {
    this.on = doc.designMode === 'on';
    for (const type of EVENTS) doc.addEventListener(type, this.check, { capture: true, passive: true });
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
    this.onChange(on);
  };

  destroy(): void {
    for (const type of EVENTS) this.doc.removeEventListener(type, this.check, { capture: true });
  }
}
