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
 * One term's fields (MiniSearch's Map<fieldId, postings>), read from the
 * arrays; the first write turns it into that Map.
 */
export class PackedTerm {
  private map: Map<number, unknown> | undefined;
  private made: Array<PackedPostings | undefined> | undefined;

  constructor(
    private readonly lists: Lists,
    private readonly counts: Uint32Array,
    private readonly mask: number,
    private readonly countAt: number,
    private readonly postingAt: number,
  ) {}

  private fieldIds(): number[] {
    const out: number[] = [];
    for (let f = 0; f < 8; f++) if (this.mask & (1 << f)) out.push(f);
    return out;
  }

  private packed(fieldId: number): PackedPostings | undefined {
    if (!(this.mask & (1 << fieldId))) return undefined;
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

  private materialize(): Map<number, unknown> {
    if (!this.map) {
      this.map = new Map();
      for (const f of this.fieldIds()) this.map.set(f, this.packed(f));
    }
    return this.map;
  }

  get size(): number {
    return this.map ? this.map.size : this.fieldIds().length;
  }

  get(fieldId: number): unknown {
    return this.map ? this.map.get(fieldId) : this.packed(fieldId);
  }

  has(fieldId: number): boolean {
    return this.map ? this.map.has(fieldId) : (this.mask & (1 << fieldId)) !== 0;
  }

  set(fieldId: number, value: unknown): this {
    this.materialize().set(fieldId, value);
    return this;
  }

  delete(fieldId: number): boolean {
    return this.materialize().delete(fieldId);
  }

  keys(): IterableIterator<number> {
    return this.map ? this.map.keys() : this.fieldIds().values();
  }

  entries(): IterableIterator<[number, unknown]> {
    return this.map ? this.map.entries() : this.fieldIds().map((f): [number, unknown] => [f, this.packed(f)]).values();
  }

  [Symbol.iterator](): IterableIterator<[number, unknown]> {
    return this.entries();
  }

  forEach(fn: (value: unknown, key: number) => void): void {
    for (const [k, v] of this.entries()) fn(v, k);
  }
}

/**
 * One term's postings in one field (MiniSearch's Map<shortId, frequency>):
 * a run of the arrays, searched by binary search, with a shortcut for the
 * in-order lookups that scoring makes; the first write turns it into a Map.
 */
class PackedPostings {
  private map: Map<number, number> | undefined;
  private hint: number;

  constructor(
    private readonly lists: Lists,
    private readonly start: number,
    private readonly end: number,
  ) {
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

  private materialize(): Map<number, number> {
    if (!this.map) {
      this.map = new Map();
      for (let i = this.start; i < this.end; i++) this.map.set(this.lists.docs[i]!, this.lists.freqs[i]!);
    }
    return this.map;
  }

  get size(): number {
    return this.map ? this.map.size : this.end - this.start;
  }

  get(doc: number): number | undefined {
    if (this.map) return this.map.get(doc);
    const i = this.find(doc);
    return i < 0 ? undefined : this.lists.freqs[i];
  }

  has(doc: number): boolean {
    return this.map ? this.map.has(doc) : this.find(doc) >= 0;
  }

  set(doc: number, freq: number): this {
    this.materialize().set(doc, freq);
    return this;
  }

  delete(doc: number): boolean {
    return this.materialize().delete(doc);
  }

  keys(): IterableIterator<number> {
    return this.map ? this.map.keys() : this.lists.docs.subarray(this.start, this.end).values();
  }

  *entries(): IterableIterator<[number, number]> {
    if (this.map) {
      yield* this.map.entries();
      return;
    }
    for (let i = this.start; i < this.end; i++) yield [this.lists.docs[i]!, this.lists.freqs[i]!];
  }

  [Symbol.iterator](): IterableIterator<[number, number]> {
    return this.entries();
  }

  forEach(fn: (value: number, key: number) => void): void {
    for (const [k, v] of this.entries()) fn(v, k);
  }
}
