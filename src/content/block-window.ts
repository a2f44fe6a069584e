// For a group of very many blocks (thousands of paragraphs side by side in one
// container): the blocks the observer watches, a window of them around the
// viewport, in document order, that follows the reader. Watching all of them
// would have the IntersectionObserver recompute thousands of targets on every
// frame that scrolls, and drop frames (bench/investigate/profile-scroll.ts
// measures it).
//
// The window is found by a binary search over the blocks' boxes, so it needs
// blocks that go down the page in document order, as paragraphs in normal flow
// do. A group whose sampled boxes do not (columns, a masonry grid) gets no
// window: all its blocks are watched. Only indices here; what
// watching means is the painter's (viewport-painter.ts).

/** Groups with fewer blocks are watched whole: the window would save little. */
export const WINDOW_MIN = 400;
/** Blocks watched before and after the one the window is centred on, at first. */
const HALF = 150;
/** A near block this close to an end of the window moves it. */
const EDGE = 40;
/** Boxes looked at to decide whether the blocks go down the page in order. */
const SAMPLES = 32;

export interface BlockBox {
  top: number;
  bottom: number;
}

export class BlockWindow<B> {
  /** Start and end (exclusive) of the watched blocks in `order`. */
  private lo = 0;
  private hi = 0;
  /** Blocks on each side of the centre: doubled by grow() where blocks are short or the screen tall. */
  private half = HALF;

  private constructor(private readonly order: B[]) {}

  /** A window over `blocks` (in document order), or null when their boxes do not go down the page in that order. */
  static create<B>(blocks: Iterable<B>, boxOf: (block: B) => BlockBox): BlockWindow<B> | null {
    const order = [...blocks];
    const step = Math.max(1, Math.floor(order.length / SAMPLES));
    let last = -Infinity;
    for (let i = 0; i < order.length; i += step) {
      const top = boxOf(order[i]!).top;
      if (top < last) return null;
      last = top;
    }
    return new BlockWindow(order);
  }

  /** The block that comes last in document order. */
  last(): B | undefined {
    return this.order[this.order.length - 1];
  }

  /**
   * Whether the watched blocks reach from `top` to `bottom` (the band to
   * paint), or to the group's ends: two boxes.
   */
  covers(boxOf: (block: B) => BlockBox, top: number, bottom: number): boolean {
    if (this.hi <= this.lo) return this.order.length === 0;
    return (this.lo === 0 || boxOf(this.order[this.lo]!).top <= top) && (this.hi === this.order.length || boxOf(this.order[this.hi - 1]!).bottom >= bottom);
  }

  /** The watched blocks. */
  watched(): B[] {
    return this.order.slice(this.lo, this.hi);
  }

  /** The first block whose box reaches `top` or below, by binary search; the last one if none does. */
  locate(boxOf: (block: B) => BlockBox, top: number): number {
    let a = 0;
    let b = this.order.length - 1;
    while (a < b) {
      const mid = (a + b) >> 1;
      if (boxOf(this.order[mid]!).bottom >= top) b = mid;
      else a = mid + 1;
    }
    return a;
  }

  /** Centres the window on the block at `index`: calls `watch` for the blocks that come in, `unwatch` for those that leave. */
  moveTo(index: number, watch: (block: B) => void, unwatch: (block: B) => void): void {
    const lo = Math.max(0, index - this.half);
    const hi = Math.min(this.order.length, index + this.half);
    for (let i = this.lo; i < this.hi; i++) if (i < lo || i >= hi) unwatch(this.order[i]!);
    for (let i = lo; i < hi; i++) if (i < this.lo || i >= this.hi) watch(this.order[i]!);
    this.lo = lo;
    this.hi = hi;
  }

  /** Doubles the window, for the next moveTo(); false when it already takes in all the blocks. */
  grow(): boolean {
    if (this.lo === 0 && this.hi === this.order.length) return false;
    this.half *= 2;
    return true;
  }

  /** The index of a block the window watches, or -1. */
  indexOf(block: B): number {
    const i = this.order.indexOf(block, this.lo);
    return i >= 0 && i < this.hi ? i : -1;
  }

  /** Whether the window should move to follow a near block at `index`: it is near an end that is not the group's. */
  nearEdge(index: number): boolean {
    return (index - this.lo < EDGE && this.lo > 0) || (this.hi - index <= EDGE && this.hi < this.order.length);
  }

  /** A block that comes after all the others: returns whether the window now watches it (it was open at the end). */
  append(block: B): boolean {
    const atEnd = this.hi === this.order.length && this.hi > this.lo;
    this.order.push(block);
    if (atEnd) this.hi++;
    return atEnd;
  }

  /** Forgets a block (dropped from the page). */
  remove(block: B): void {
    const i = this.order.indexOf(block);
    if (i < 0) return;
    this.order.splice(i, 1);
    if (i < this.lo) this.lo--;
    if (i < this.hi) this.hi--;
  }
}
