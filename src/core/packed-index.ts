// A MiniSearch index kept in a few typed arrays: what the library persists in
// IndexedDB and loads at start without rebuilding it. MiniSearch still does
// every search, addition and removal; only the way its posting lists are held
// changes. A loaded term's lists stay views into the arrays (8 bytes a
// posting, where a Map entry takes several times that) until MiniSearch first
// writes to one, which then becomes the Map MiniSearch would have made.
//
// Packing and loading reach into MiniSearch's private fields, as its own
// loadJS does: a packed index records the MiniSearch version that made it and
// is refused by any other, and tests/unit/packed-index.test.ts checks that a
// loaded index answers exactly as the one it was packed from.
import MiniSearch, { type Options } from 'minisearch';
import { describe, isObject } from './guards';
import { PackedTerm } from './packed-postings';

export const PACKED_FORMAT = 'newscontext-packed-index';
/** Bump when the layout below changes. */
export const PACKED_VERSION = 1;
/** The MiniSearch whose private fields packing and loading rely on. */
export const MINISEARCH_VERSION = '7.2.0';

export interface PackedIndex {
  format: typeof PACKED_FORMAT;
  version: number;
  minisearch: string;
  /** What the index was built with (search-options.ts INDEX_KEY): another key is another index. */
  optionsKey: string;
  /** Document ids by dense short id (0, 1, 2, …). */
  ids: string[];
  /** The field ids MiniSearch gave the fields. */
  fieldIds: Record<string, number>;
  /** Per document, per field id: the field's length in terms. */
  fieldLengths: Uint32Array;
  averageFieldLength: number[];
  /**
   * MiniSearch's tree of terms (a radix tree: a Map per node, an edge per
   * label, the term's data under the key ''), node by node in depth-first
   * order: per node, its number of children and its term's number plus one
   * (0: no term ends there).
   */
  shape: Uint32Array;
  /** The edges' labels in the same order, joined by NUL (a term is letters and digits only). */
  labels: string;
  /** Per term, in the tree's order: a bit per field id that has postings. */
  fieldMasks: Uint8Array;
  /** Per term and field present, in field id order: how many postings. */
  counts: Uint32Array;
  /** The postings' dense short ids, ascending within each list. */
  docs: Uint32Array;
  /** The postings' term frequencies. */
  freqs: Uint32Array;
}

/** MiniSearch's private fields that packing and loading use (as in minisearch 7.2.0's own loadJS and toJSON). */
/** A node of MiniSearch's radix tree: edges by label, the term's data under LEAF. */
type TreeNode = Map<string, unknown>;
const LEAF = '';

interface Internals {
  _index: {
    _tree: TreeNode;
    set(term: string, data: unknown): unknown;
    get(term: string): FieldMap | undefined;
    atPrefix(prefix: string): Iterable<[string, FieldMap]>;
    [Symbol.iterator](): Iterator<[string, FieldMap]>;
  };
  _documentIds: Map<number, string>;
  _idToShortId: Map<string, number>;
  _fieldLength: Map<number, number[]>;
  _fieldIds: Record<string, number>;
  _avgFieldLength: number[];
  _nextId: number;
  _documentCount: number;
  _dirtCount: number;
}

type FieldMap = Iterable<[number, Iterable<[number, number]> & { readonly size: number }]>;

function internals(mini: MiniSearch<never> | MiniSearch<any>): Internals {
  const i = mini as unknown as Internals;
  if (!(i._documentIds instanceof Map) || !(i._fieldLength instanceof Map) || typeof i._index?.set !== 'function' || !(i._index._tree instanceof Map)) {
    throw new Error(`MiniSearch is not the version the packed index was written for (${MINISEARCH_VERSION})`);
  }
  return i;
}

/**
 * How many documents a term is in, at least (the most of any one field; with
 * `prefix`, summed over every term it begins), read without walking its
 * postings. Documents discarded but not yet swept still count.
 */
export function postingCount(mini: MiniSearch<any>, term: string, prefix: boolean): number {
  const index = internals(mini)._index;
  const count = (fields: FieldMap | undefined) => {
    let n = 0;
    for (const [, postings] of fields ?? []) n = Math.max(n, postings.size);
    return n;
  };
  if (!prefix) return count(index.get(term));
  let n = 0;
  for (const [, fields] of index.atPrefix(term)) n += count(fields);
  return n;
}

/** Terms handled between two yields of the stepwise packing and loading: a few milliseconds' work. */
const STEP = 5000;

/** Runs a stepwise job to its end at once. */
function finish<T>(steps: Generator<void, T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** Runs a stepwise job, letting other work run between steps. */
export async function finishAsync<T>(steps: Generator<void, T>, pause: () => Promise<void>): Promise<T> {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    await pause();
  }
}

/** The index in arrays: the documents renumbered densely, each posting list sorted. */
export function packIndex(mini: MiniSearch<any>, optionsKey: string): PackedIndex {
  return finish(packSteps(mini, optionsKey));
}

/** packIndex in steps: a step yields after every few thousand terms. The index must not change between steps. */
export function* packSteps(mini: MiniSearch<any>, optionsKey: string): Generator<void, PackedIndex> {
  const m = internals(mini);
  const dense = new Map<number, number>();
  const ids: string[] = [];
  for (const [short, id] of m._documentIds) {
    dense.set(short, ids.length);
    ids.push(id);
  }
  const fieldCount = Object.keys(m._fieldIds).length;
  const fieldLengths = new Uint32Array(ids.length * fieldCount);
  for (const [short, lengths] of m._fieldLength) {
    const d = dense.get(short);
    if (d === undefined) continue;
    for (let f = 0; f < fieldCount; f++) fieldLengths[d * fieldCount + f] = lengths[f] ?? 0;
  }
  const masks: number[] = [];
  const counts: number[] = [];
  let docs: Uint32Array<ArrayBuffer> = new Uint32Array(1 << 16);
  let freqs: Uint32Array<ArrayBuffer> = new Uint32Array(1 << 16);
  let n = 0;
  const run: Array<[number, number]> = [];
  // The tree's shape first, at once, with each term's data: a search between
  // two steps may drop a term whose only postings were of discarded documents
  // (MiniSearch sweeps them as it meets them), which a live walk would trip over.
  const shape: number[] = [];
  const labels: string[] = [];
  const leaves: FieldMap[] = [];
  // Depth first, each node with the label of the edge to it (none for the root).
  const stack: Array<[TreeNode, string | undefined]> = [[m._index._tree, undefined]];
  while (stack.length > 0) {
    const [node, label] = stack.pop()!;
    if (label !== undefined) labels.push(label);
    const children: Array<[TreeNode, string]> = [];
    for (const [edge, child] of node) if (edge !== LEAF) children.push([child as TreeNode, edge]);
    const leaf = node.get(LEAF) as FieldMap | undefined;
    shape.push(children.length, leaf ? leaves.length + 1 : 0);
    if (leaf) leaves.push(leaf);
    for (let c = children.length - 1; c >= 0; c--) stack.push(children[c]!);
  }
  yield;
  for (const fields of leaves) {
    const byField: Array<Array<[number, number]>> = [];
    for (const [fieldId, postings] of fields) {
      run.length = 0;
      // Documents discarded but not yet vacuumed are left out.
      for (const [short, freq] of postings) {
        const d = dense.get(short);
        if (d !== undefined) run.push([d, freq]);
      }
      if (run.length > 0) byField[fieldId] = run.slice().sort((a, b) => a[0] - b[0]);
    }
    let mask = 0;
    for (let f = 0; f < fieldCount; f++) {
      const list = byField[f];
      if (!list) continue;
      mask |= 1 << f;
      counts.push(list.length);
      if (n + list.length > docs.length) {
        const size = Math.max(docs.length * 2, n + list.length);
        docs = grow(docs, size);
        freqs = grow(freqs, size);
      }
      for (const [d, freq] of list) {
        docs[n] = d;
        freqs[n++] = freq;
      }
    }
    // A term left with no postings stays in the tree, holding none: as MiniSearch would until it swept it.
    masks.push(mask);
    if (masks.length % STEP === 0) yield;
  }
  return {
    format: PACKED_FORMAT,
    version: PACKED_VERSION,
    minisearch: MINISEARCH_VERSION,
    optionsKey,
    ids,
    fieldIds: { ...m._fieldIds },
    fieldLengths,
    averageFieldLength: [...m._avgFieldLength],
    shape: Uint32Array.from(shape),
    labels: labels.join('\u0000'),
    fieldMasks: Uint8Array.from(masks),
    counts: Uint32Array.from(counts),
    docs: docs.slice(0, n),
    freqs: freqs.slice(0, n),
  };
}

function grow(a: Uint32Array<ArrayBuffer>, size: number): Uint32Array<ArrayBuffer> {
  const b = new Uint32Array(size);
  b.set(a);
  return b;
}

/** What is wrong with a would-be packed index for these options, or null when it loads. */
export function packedIndexProblem(v: unknown, optionsKey: string): string | null {
  if (!isObject(v) || v.format !== PACKED_FORMAT) return 'is not a packed index';
  if (v.version !== PACKED_VERSION) return `has layout version ${describe(v.version)}, expected ${PACKED_VERSION}`;
  if (v.minisearch !== MINISEARCH_VERSION) return `was written for MiniSearch ${describe(v.minisearch)}, this is ${MINISEARCH_VERSION}`;
  if (v.optionsKey !== optionsKey) return `was built with other index options (${describe(v.optionsKey)})`;
  const arrays = ['fieldLengths', 'counts', 'docs', 'freqs'] as const;
  if (!Array.isArray(v.ids) || typeof v.labels !== 'string' || !(v.fieldMasks instanceof Uint8Array) || !isObject(v.fieldIds)) return 'is malformed';
  if (!Array.isArray(v.averageFieldLength) || [...arrays, 'shape' as const].some((k) => !(v[k] instanceof Uint32Array))) return 'is malformed';
  const fieldCount = Object.keys(v.fieldIds).length;
  if ((v.fieldLengths as Uint32Array).length !== v.ids.length * fieldCount) return 'has field lengths that do not fit its documents';
  if ((v.docs as Uint32Array).length !== (v.freqs as Uint32Array).length) return 'has postings that do not fit their frequencies';
  return null;
}

/** A MiniSearch that searches the packed index; refuses one it cannot read. */
export function loadPackedIndex<T>(packed: PackedIndex, options: Options<T>, optionsKey: string): MiniSearch<T> {
  return finish(loadSteps(packed, options, optionsKey));
}

/** loadPackedIndex in steps: a step yields after every few thousand terms. */
export function* loadSteps<T>(packed: PackedIndex, options: Options<T>, optionsKey: string): Generator<void, MiniSearch<T>> {
  const problem = packedIndexProblem(packed, optionsKey);
  if (problem) throw new Error(`The search index ${problem}`);
  const fieldCount = Object.keys(packed.fieldIds).length;
  const mini = MiniSearch.loadJS<T>(
    {
      documentCount: packed.ids.length,
      nextId: packed.ids.length,
      documentIds: {},
      fieldIds: packed.fieldIds,
      fieldLength: {},
      averageFieldLength: packed.averageFieldLength,
      storedFields: {},
      dirtCount: 0,
      index: [],
      serializationVersion: 2,
    },
    options,
  );
  const m = internals(mini);
  packed.ids.forEach((id, short) => {
    m._documentIds.set(short, id);
    m._idToShortId.set(id, short);
    m._fieldLength.set(short, Array.from(packed.fieldLengths.subarray(short * fieldCount, (short + 1) * fieldCount)));
  });
  const labels = packed.labels === '' ? [] : packed.labels.split('\u0000');
  const lists = { docs: packed.docs, freqs: packed.freqs };
  // Where each term's counts and postings start, in the tree's order.
  const termAt: Array<[number, number]> = [];
  let countAt = 0;
  let postingAt = 0;
  for (let t = 0; t < packed.fieldMasks.length; t++) {
    termAt.push([countAt, postingAt]);
    const mask = packed.fieldMasks[t]!;
    for (let f = 0; f < fieldCount; f++) {
      if (mask & (1 << f)) postingAt += packed.counts[countAt++]!;
    }
  }
  if (postingAt !== packed.docs.length || countAt !== packed.counts.length) throw new Error('The search index has terms that do not fit its postings');
  // The tree, node by node as it was walked: each node's children follow it, depth first.
  const broken = () => new Error('The search index has a tree that does not fit its terms');
  let at = 0;
  let label = 0;
  let built = 0;
  /** Reads a node's entry in the shape: puts its term in, and says how many children follow. */
  const read = (node: TreeNode): number => {
    const children = packed.shape[at++];
    const leaf = packed.shape[at++];
    if (children === undefined || leaf === undefined) throw broken();
    if (leaf > 0) {
      const where = termAt[leaf - 1];
      if (!where) throw broken();
      node.set(LEAF, new PackedTerm(lists, packed.counts, packed.fieldMasks[leaf - 1]!, where[0], where[1]));
    }
    return children;
  };
  const root: TreeNode = new Map();
  /** The nodes whose children are still to come, and how many. */
  const pending: Array<[TreeNode, number]> = [[root, read(root)]];
  while (pending.length > 0) {
    const top = pending[pending.length - 1]!;
    if (top[1] === 0) {
      pending.pop();
      continue;
    }
    top[1]--;
    const edge = labels[label++];
    if (edge === undefined) throw broken();
    const node: TreeNode = new Map();
    top[0].set(edge, node);
    pending.push([node, read(node)]);
    if (++built % STEP === 0) yield;
  }
  if (at !== packed.shape.length || label !== labels.length) throw broken();
  const SearchableMap = m._index.constructor as new (tree: TreeNode) => Internals['_index'];
  m._index = new SearchableMap(root);
  return mini;
}
