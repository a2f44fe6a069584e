// Hover intent: after the pointer rests on a highlighted name for a moment, the
// card opens next to it. It stays open while the pointer is on the name or the
// card, and closes on Escape or when the pointer has left both for a moment.
// The keyboard shortcut opens it too (keyboard-target.ts picks the name), with
// the focus in it; that card stays until Escape, a click or the focus elsewhere.
import { mentionAtPoint, sameHit, type Hit } from './hit-test';
import { keyboardTarget } from './keyboard-target';
import type { PageIndex } from './page-index';

export const HOVER_DELAY_MS = 300;
const CLOSE_GRACE_MS = 250;

export interface HoverTarget {
  /** Opens the card for a name; `byKeyboard`: and moves the focus into it. */
  open(hit: Hit, byKeyboard?: boolean): void;
  /** The shortcut found no name on screen: says so, with the focus in the card. */
  showNothingInView(): void;
  close(): void;
  isOpen(): boolean;
  /** True when the event happened over the card. */
  contains(target: EventTarget | null): boolean;
}


export class HoverController {
  private readonly abort = new AbortController();
  private openTimer: ReturnType<typeof setTimeout> | undefined;
  private closeTimer: ReturnType<typeof setTimeout> | undefined;
  private pending: Hit | null = null;
  private shown: Hit | null = null;
  private frame = 0;
  private lastPoint: { x: number; y: number; target: EventTarget | null } | null = null;
  /** Opened by the keyboard: the pointer's comings and goings leave it open. */
  private pinned = false;

  constructor(
    private readonly doc: Document,
    private readonly index: PageIndex,
    private readonly target: HoverTarget,
    /** The name the keyboard's card is about, to mark on the page (null: none); the pointer shows its own. */
    private readonly markName: (hit: Hit | null) => void = () => {},
  ) {
    const opts = { signal: this.abort.signal, passive: true, capture: true };
    doc.addEventListener('pointermove', (e) => this.onMove(e), opts);
    doc.addEventListener('pointerdown', (e) => !target.contains(e.target) && this.closeNow(), opts);
    doc.addEventListener('keydown', (e) => e.key === 'Escape' && this.closeNow(), opts);
    // The focus left a card the keyboard opened: to the page (a click, Tab past
    // its last button), or out of the page (the browser's toolbar, another window).
    doc.addEventListener('focusin', (e) => this.pinned && !target.contains(e.target) && this.closeNow(), opts);
    doc.addEventListener('focusout', (e) => this.pinned && e.relatedTarget === null && target.contains(e.target) && this.closeNow(), opts);
    doc.defaultView?.addEventListener('scroll', () => this.closeNow(), opts);
  }

  destroy(): void {
    this.abort.abort();
    clearTimeout(this.openTimer);
    clearTimeout(this.closeTimer);
    if (this.frame) cancelAnimationFrame(this.frame);
  }

  /** The keyboard shortcut: the card of the selected name, or of the next one on screen. */
  showFromKeyboard(): void {
    clearTimeout(this.openTimer);
    clearTimeout(this.closeTimer);
    this.pending = null;
    const hit = keyboardTarget(this.doc, this.index, this.shown);
    this.pinned = true;
    this.shown = hit;
    this.markName(hit);
    if (hit) this.target.open(hit, true);
    else this.target.showNothingInView();
  }

  private onMove(e: PointerEvent): void {
    if (e.pointerType === 'touch') return;
    this.lastPoint = { x: e.clientX, y: e.clientY, target: e.target };
    // One hit test per frame at most, however fast the pointer moves.
    this.frame ||= requestAnimationFrame(() => {
      this.frame = 0;
      if (this.lastPoint) this.evaluate(this.lastPoint.x, this.lastPoint.y, this.lastPoint.target);
    });
  }

  private evaluate(x: number, y: number, eventTarget: EventTarget | null): void {
    if (this.target.contains(eventTarget)) {
      clearTimeout(this.closeTimer);
      clearTimeout(this.openTimer);
      this.pending = null;
      return;
    }
    const hit = mentionAtPoint(this.doc, this.index, x, y);
    if (hit && sameHit(hit, this.shown)) {
      clearTimeout(this.closeTimer);
      return;
    }
    if (!hit) {
      clearTimeout(this.openTimer);
      this.pending = null;
      if (this.target.isOpen() && !this.pinned) this.scheduleClose();
      return;
    }
    if (sameHit(hit, this.pending)) return;
    this.pending = hit;
    clearTimeout(this.openTimer);
    this.openTimer = setTimeout(() => {
      if (!this.pending) return;
      clearTimeout(this.closeTimer);
      this.shown = this.pending;
      this.pending = null;
      this.pinned = false;
      this.markName(null);
      this.target.open(this.shown);
    }, HOVER_DELAY_MS);
  }

  private scheduleClose(): void {
    clearTimeout(this.closeTimer);
    this.closeTimer = setTimeout(() => this.closeNow(), CLOSE_GRACE_MS);
  }

  private closeNow(): void {
    clearTimeout(this.openTimer);
    clearTimeout(this.closeTimer);
    this.pending = null;
    if (this.pinned) this.markName(null);
    this.pinned = false;
    if (this.shown || this.target.isOpen()) {
      this.shown = null;
      this.target.close();
    }
  }
}
