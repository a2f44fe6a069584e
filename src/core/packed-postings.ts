// The posting lists of a packed index (packed-index.ts) as MiniSearch reads
// them: a term's fields and each field's postings behave as the Maps
// MiniSearch makes (get, has, size, keys, iteration), read from runs of the
// shared arrays, until MiniSearch first writes to one, which then becomes
// that Map. Only the terms a change touches are ever copied.

export interface Lists {
  docs: Uint32Array;
  freqs: Uint32Array;
}

/**
 * A Map read from the arrays until its first write, then a Map: what
 * MiniSearch uses of a Map, over `packed*` reads that subclasses give.
 */
abstract class CopyOnWrite<V> {
  private map: Map<number, V> | undefined;

  protected abstract packedSize(): number;
  protected abstract packedGet(key: number): V | undefined;
  protected abstract packedHas(key: number): boolean;
  protected abstract packedKeys(): IterableIterator<number>;

  private materialize(): Map<number, V> {
    if (!this.map) {
      this.map = new Map();
      for (const key of this.packedKeys()) this.map.set(key, this.packedGet(key)!);
    }
    return this.map;
  }

  get size(): number {
    return this.map ? this.map.size : this.packedSize();
  }

  get(key: number): V | undefined {
    return this.map ? this.map.get(key) : this.packedGet(key);
  }

  has(key: number): boolean {
    return this.map ? this.map.has(key) : this.packedHas(key);
  }

  set(key: number, value: V): this {
    this.materialize().set(key, value);
    return this;
  }

  delete(key: number): boolean {
    return this.materialize().delete(key);
  }

  keys(): IterableIterator<number> {
    return this.map ? this.map.keys() : this.packedKeys();
  }

  *entries(): IterableIterator<[number, V]> {
    if (this.map) {
      yield* this.map.entries();
      return;
    }
    for (const key of this.packedKeys()) yield [key, this.packedGet(key)!];
  }

  [Symbol.iterator](): IterableIterator<[number, V]> {
    return this.entries();
  }

  forEach(fn: (value: V, key: number) => void): void {
    for (const [k, v] of this.entries()) fn(v, k);
  }
}

/** One term's fields (MiniSearch's Map<fieldId, postings>), read from the arrays. */
export class PackedTerm extends CopyOnWrite<PackedPostings> {
  private made: Array<PackedPostings | undefined> | undefined;

  constructor(
    private readonly lists: Lists,
    private readonly counts: Uint32Array,
    private readonly mask: number,
    private readonly countAt: number,
    private readonly postingAt: number,
  ) {
    super();
  }

  protected packedSize(): number {
    let n = 0;
    for (let m = this.mask; m; m &= m - 1) n++;
    return n;
  }

  protected packedHas(fieldId: number): boolean {
    return (this.mask & (1 << fieldId)) !== 0;
  }

  protected *packedKeys(): IterableIterator<number> {
    for (let f = 0; f < 8; f++) if (this.mask & (1 << f)) yield f;
  }

  /** The field's postings, made once: MiniSearch writes to the object it got. */
  protected packedGet(fieldId: number): PackedPostings | undefined {
    if (!this.packedHas(fieldId)) return undefined;
    this.made ??= [];
    let postings = this.made[fieldId];
    if (!postings) {
      let c = this.countAt;
      let start = this.postingAt;
      for (let f = 0; f < fieldId; f++) {
        if (this.mask & (1 << f)) start += this.counts[c++]!;
      }
      postings = new PackedPostings(this.lists, start, start + this.counts[c]!);
      this.made[fieldId] = postings;
    }
    return postings;
  }
}

/**
 * One term's postings in one field (MiniSearch's Map<shortId, frequency>):
 * a run of the arrays, searched by binary search, with a shortcut for the
 * in-order lookups that scoring makes.
 */
class PackedPostings extends CopyOnWrite<number> {
  private hint: number;

  constructor(
    private readonly lists: Lists,
    private readonly start: number,
    private readonly end: number,
  ) {
    super();
    this.hint = start;
  }

  private find(doc: number): number {
    const docs = this.lists.docs;
    const h = this.hint;
    if (h < this.end && docs[h] === doc) return h;
    if (h + 1 < this.end && docs[h + 1] === doc) return (this.hint = h + 1);
    let lo = this.start;
    let hi = this.end - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const v = docs[mid]!;
      if (v === doc) return (this.hint = mid);
      if (v < doc) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  protected packedSize(): number {
    return this.end - this.start;
  }

  protected packedGet(doc: number): number | undefined {
    const i = this.find(doc);
    return i < 0 ? undefined : this.lists.freqs[i];
  }

  protected packedHas(doc: number): boolean {
    return this.find(doc) >= 0;
  }

  protected packedKeys(): IterableIterator<number> {
    return this.lists.docs.subarray(this.start, this.end).values();
  }
}
