// The library's search index: folded terms to posting lists, BM25+ scoring in
// typed arrays, the top hits picked without sorting every match.
//
// Why not MiniSearch's index: it scores by allocating a result object per
// article per field for every term a query word matches, then intersects and
// sorts those. News words ("talks", "said", "Rusia") are in most articles, so
// at 10,000 articles even exact search without prefix or fuzzy matching had a
// p95 of 20 ms (bench/profile-search.ts); here a posting costs a few typed-array
// operations. MiniSearch's radix tree (SearchableMap) still finds the
// completions and near misses of a word.
//
// Entities are one term each in a field of their own, with postings from the
// articles' profiles, and a query word reaches them through the words of the
// entities' names ("Россия" → the entity russia → every article naming Russia
// however it spells it). Pure: no DOM, no node API.
import SearchableMap from 'minisearch/SearchableMap';
import {
  BM25,
  BOOST,
  FUZZY_MIN,
  FUZZY_RATIO,
  FUZZY_WEIGHT,
  MAX_FUZZY,
  PREFIX_MIN,
  PREFIX_WEIGHT,
  terms as termsOf,
} from './search-options';

export const TEXT_FIELDS = ['title', 'lead', 'body'] as const;
export type TextField = (typeof TEXT_FIELDS)[number];
/** Where a term was found: a text field, or `entities` for a name. */
export type Field = TextField | 'entities';
const ENTITIES = TEXT_FIELDS.length;
const FIELD_BOOST = [BOOST.title, BOOST.lead, BOOST.body, BOOST.entities];

// A posting is one integer: the document number shifted left by TF_BITS, or'd
// with the term's frequency in the field (capped: BM25 saturates long before).
// Lists are in document order, as documents are only ever appended.
const TF_BITS = 6;
const TF_MAX = (1 << TF_BITS) - 1;
/** Posting lists are plain arrays of small integers, which V8 stores unboxed. */
type Postings = number[];
/** A term's postings per text field (title, lead, body), undefined where it does not occur. */
type TermPostings = Array<Postings | undefined>;

export interface IndexDocument {
  id: string;
  title: string;
  lead: string;
  body: string;
  /** How often the article names each entity (names and demonyms). */
  entities: Readonly<Record<string, number>>;
}

/** Each text term that matched, and the fields it was found in. */
export type MatchInfo = Record<string, TextField[]>;

export interface IndexHit {
  /** The document's number: its position in the order of addition. */
  doc: number;
  id: string;
  score: number;
  /** Text terms that matched (folded; completions and near misses included). */
  terms: string[];
  /** Query words that found something. */
  queryTerms: string[];
  /** Entities found through their names. */
  entities: string[];
  match: MatchInfo;
  /** True when no document matched every query word and this one matched only some. */
  partial: boolean;
}

export interface SearchIndexOptions {
  /** At most this many hits. */
  limit: number;
  /** Only documents for which this is true. */
  filter?: (doc: number) => boolean;
}

/**
 * The index as JSON: text postings only. The entity field is rebuilt from the
 * articles' profiles on load, as the library stores those anyway.
 */
export interface SerializedIndex {
  /** Document ids in order of addition. */
  ids: string[];
  /** Per text field, each document's length in terms. */
  lengths: number[][];
  terms: string[];
  /**
   * Per term, for each text field it occurs in: the field's number, the count
   * of postings, then the postings with each document number given as the gap
   * from the previous one (small numbers make short JSON).
   */
  postings: number[][];
}

/** A word of the query, and what it finds: text terms and entities, with their weights. */
interface WordPlan {
  word: string;
  terms: Array<{ term: string; weight: number; postings: TermPostings }>;
  entities: Array<{ id: string; weight: number }>;
}

/** Words of a query beyond these are ignored (a pasted paragraph); the per-document word count is a byte. */
const MAX_WORDS = 64;

const maxEdits = (word: string): number => Math.min(MAX_FUZZY, Math.round(word.length * FUZZY_RATIO));
const prefixWeight = (term: string, word: string): number =>
  (PREFIX_WEIGHT * term.length) / (term.length + 0.3 * (term.length - word.length));
const fuzzyWeight = (term: string, edits: number): number => (FUZZY_WEIGHT * term.length) / (term.length + edits);

export class SearchIndex {
  private readonly ids: string[] = [];
  /** Per field (title, lead, body, entities): each document's length, and the sum. */
  private readonly lengths: number[][] = [[], [], [], []];
  private readonly totals = [0, 0, 0, 0];
  /**
   * Exact lookups; `trees` holds the same entries for completions and near
   * misses, one radix tree per first letter keyed by the rest of the term.
   */
  private readonly vocab = new Map<string, TermPostings>();
  private readonly trees = new Map<string, SearchableMap<TermPostings>>();
  private readonly entityPostings = new Map<string, Postings>();
  /** Folded words of entity names to the entities they name. */
  private readonly names = new SearchableMap<Set<string>>();
  private readonly named = new Set<string>();

  // Per-document scratch for search, reused across queries and cleared after each.
  private score = new Float64Array(0);
  private count = new Uint8Array(0);
  private seen = new Int32Array(0);
  private touched = new Int32Array(0);
  private touchedCount = 0;
  private pass = 0;

  get size(): number {
    return this.ids.length;
  }

  /** Distinct terms of the text. */
  get termCount(): number {
    return this.vocab.size;
  }

  /** Appends a document; returns its number. */
  add(doc: IndexDocument): number {
    const n = this.ids.length;
    this.ids.push(doc.id);
    [doc.title, doc.lead, doc.body].forEach((text, f) => this.addText(n, f, text));
    this.addEntities(n, doc.entities);
    return n;
  }

  /** Lets the words of an entity's names (display name, aliases, demonyms) find it. Once per entity. */
  nameEntity(entityId: string, names: readonly string[]): void {
    if (this.named.has(entityId)) return;
    this.named.add(entityId);
    for (const name of names) for (const t of termsOf(name)) this.names.fetch(t, () => new Set()).add(entityId);
  }

  isNamed(entityId: string): boolean {
    return this.named.has(entityId);
  }

  search(query: string, opts: SearchIndexOptions): IndexHit[] {
    const all = termsOf(query);
    const words = [...new Set(all)].slice(0, MAX_WORDS);
    const n = this.ids.length;
    if (words.length === 0 || n === 0 || opts.limit <= 0) return [];
    this.reserve(n);
    const plans = words.map((w) => this.plan(w, w === all[all.length - 1]));
    this.touchedCount = 0;
    for (const plan of plans) {
      const pass = this.nextPass();
      for (const t of plan.terms) {
        for (let f = 0; f < ENTITIES; f++) {
          const p = t.postings[f];
          if (p) this.accumulate(p, f, t.weight, pass);
        }
      }
      for (const e of plan.entities) {
        const p = this.entityPostings.get(e.id);
        if (p) this.accumulate(p, ENTITIES, e.weight, pass);
      }
    }
    const { score, count } = this;
    // The documents some word found, in the order they were found.
    const touched = this.touched.subarray(0, this.touchedCount);
    const wanted = plans.length;
    const filter = opts.filter;
    // Every word wanted; when no document has them all, any word will do.
    let partial = true;
    for (const d of touched) {
      if (count[d] === wanted && (!filter || filter(d))) {
        partial = false;
        break;
      }
    }
    // The best `limit`, best first, by insertion into a short sorted list.
    // Ties go to the document added first. Score × words matched, as MiniSearch does.
    const topDoc: number[] = [];
    const topScore: number[] = [];
    const limit = opts.limit;
    for (const d of touched) {
      if (!partial && count[d] !== wanted) continue;
      const s = score[d]! * count[d]!;
      if (topDoc.length === limit && (s < topScore[limit - 1]! || (s === topScore[limit - 1] && d > topDoc[limit - 1]!))) continue;
      if (filter && !filter(d)) continue;
      let i = Math.min(topDoc.length, limit - 1);
      while (i > 0 && (topScore[i - 1]! < s || (topScore[i - 1] === s && topDoc[i - 1]! > d))) {
        topScore[i] = topScore[i - 1]!;
        topDoc[i] = topDoc[i - 1]!;
        i--;
      }
      topScore[i] = s;
      topDoc[i] = d;
    }
    for (const d of touched) {
      score[d] = 0;
      count[d] = 0;
    }
    return topDoc.map((d, i) => this.hit(d, topScore[i]!, plans, partial));
  }

  toJSON(): SerializedIndex {
    const terms: string[] = [];
    const postings: number[][] = [];
    for (const [term, fields] of this.vocab) {
      const out: number[] = [];
      fields.forEach((p, f) => {
        if (!p) return;
        out.push(f, p.length);
        let prev = 0;
        for (const x of p) {
          const doc = x >>> TF_BITS;
          out.push(((doc - prev) << TF_BITS) | (x & TF_MAX));
          prev = doc;
        }
      });
      terms.push(term);
      postings.push(out);
    }
    return { ids: [...this.ids], lengths: this.lengths.slice(0, ENTITIES).map((l) => [...l]), terms, postings };
  }

  /**
   * The index from its JSON and, per document, its entities (the entity field
   * is not serialized). Throws on anything malformed.
   */
  static load(json: unknown, entities: (doc: number) => Readonly<Record<string, number>>): SearchIndex {
    if (!isRecord(json)) throw new Error('not an object');
    const { ids, lengths, terms, postings } = json;
    if (!Array.isArray(ids) || !ids.every((id) => typeof id === 'string')) throw new Error('"ids" is not a list of strings');
    const n = ids.length;
    if (!Array.isArray(lengths) || lengths.length !== ENTITIES || !lengths.every((l) => isCounts(l) && l.length === n)) {
      throw new Error(`"lengths" is not ${ENTITIES} lists of ${n} counts`);
    }
    if (!Array.isArray(terms) || !Array.isArray(postings) || terms.length !== postings.length) {
      throw new Error('"terms" and "postings" are not lists of one length');
    }
    const index = new SearchIndex();
    // Element by element: spreading 50,000 arguments into push() overflows the stack.
    for (const id of ids as string[]) index.ids.push(id);
    (lengths as number[][]).forEach((l, f) => {
      for (const length of l) {
        index.lengths[f]!.push(length);
        index.totals[f]! += length;
      }
    });
    terms.forEach((term: unknown, i) => {
      const list: unknown = postings[i];
      if (typeof term !== 'string' || !isCounts(list)) throw new Error(`term #${i} is malformed`);
      const fields = decode(list, n);
      if (!fields) throw new Error(`the postings of "${term}" are malformed`);
      index.addTerm(term, fields);
    });
    for (let d = 0; d < n; d++) index.addEntities(d, entities(d));
    return index;
  }

  private addText(doc: number, field: number, text: string): void {
    const ts = termsOf(text);
    this.lengths[field]!.push(ts.length);
    this.totals[field]! += ts.length;
    const tf = new Map<string, number>();
    for (const t of ts) tf.set(t, (tf.get(t) ?? 0) + 1);
    for (const [t, c] of tf) {
      let fields = this.vocab.get(t);
      if (!fields) this.addTerm(t, (fields = []));
      (fields[field] ??= []).push((doc << TF_BITS) | Math.min(c, TF_MAX));
    }
  }

  private addTerm(term: string, fields: TermPostings): void {
    this.vocab.set(term, fields);
    let tree = this.trees.get(term[0]!);
    if (!tree) this.trees.set(term[0]!, (tree = new SearchableMap()));
    tree.set(term.slice(1), fields);
  }

  private addEntities(doc: number, entities: Readonly<Record<string, number>>): void {
    let length = 0;
    for (const [id, c] of Object.entries(entities)) {
      if (!(c > 0)) continue;
      let p = this.entityPostings.get(id);
      if (!p) this.entityPostings.set(id, (p = []));
      p.push((doc << TF_BITS) | Math.min(c, TF_MAX));
      length += c;
    }
    this.lengths[ENTITIES]!.push(length);
    this.totals[ENTITIES]! += length;
  }

  /**
   * What a word finds in the text: the term itself, its completions (from
   * PREFIX_MIN letters) and, only when those find nothing, its near misses
   * (from FUZZY_MIN letters) that begin with the same letter. A typo there is
   * rare, and looking only among the words with that letter makes the search
   * an order of magnitude faster (a two-edit search of all 150,000 terms of a
   * 10,000-article library took up to 11 ms).
   *
   * Completions are for a word still being typed: the last one, or one that
   * is no word of the library nor of a name ("Pashin Erdoğan"). A finished
   * word is what it says: "The decisio" completes "decisio", not "the" (to
   * "their", "then", "there"…, thousands of postings that only blur the scores).
   *
   * Among the words of entity names, a few hundred, near misses are always
   * looked for: Russian names decline, and "России" (of Russia) is one edit
   * from "Россия" although it is also a word of "МИД России". An entity
   * counts once, at the weight of its best word.
   */
  private plan(word: string, last: boolean): WordPlan {
    const terms: WordPlan['terms'] = [];
    const exact = this.vocab.get(word);
    if (exact) terms.push({ term: word, weight: 1, postings: exact });
    const named = this.names.get(word);
    const typing = word.length >= PREFIX_MIN && (last || (!exact && !named));
    const first = word[0]!;
    const tree = this.trees.get(first);
    if (tree && typing) {
      for (const [rest, postings] of tree.atPrefix(word.slice(1))) {
        const term = first + rest;
        if (term !== word) terms.push({ term, weight: prefixWeight(term, word), postings });
      }
    }
    if (tree && terms.length === 0 && word.length >= FUZZY_MIN) {
      for (const [rest, [postings, edits]] of tree.fuzzyGet(word.slice(1), maxEdits(word))) {
        if (edits > 0) terms.push({ term: first + rest, weight: fuzzyWeight(first + rest, edits), postings });
      }
    }

    const entities = new Map<string, number>();
    const reach = (ids: Set<string>, weight: number) => {
      for (const id of ids) if (!(entities.get(id)! >= weight)) entities.set(id, weight);
    };
    if (named) reach(named, 1);
    if (typing) {
      for (const [term, ids] of this.names.atPrefix(word)) if (term !== word) reach(ids, prefixWeight(term, word));
    }
    if (word.length >= FUZZY_MIN) {
      for (const [term, [ids, edits]] of this.names.fuzzyGet(word, maxEdits(word))) if (edits > 0) reach(ids, fuzzyWeight(term, edits));
    }
    return { word, terms, entities: [...entities].map(([id, weight]) => ({ id, weight })) };
  }

  /** Adds a posting list's BM25+ scores, and counts each document once per word (`pass`). */
  private accumulate(p: Postings, field: number, weight: number, pass: number): void {
    const n = this.ids.length;
    const df = p.length;
    const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
    const lengths = this.lengths[field]!;
    const avg = this.totals[field]! / n || 1;
    const { k, b, d: delta } = BM25;
    const c = weight * FIELD_BOOST[field]! * idf;
    const { score, count, seen, touched } = this;
    for (let j = 0; j < df; j++) {
      const x = p[j]!;
      const doc = x >>> TF_BITS;
      const tf = x & TF_MAX;
      score[doc] = score[doc]! + c * (delta + (tf * (k + 1)) / (tf + k * (1 - b + (b * lengths[doc]!) / avg)));
      if (seen[doc] !== pass) {
        seen[doc] = pass;
        if (count[doc] === 0) touched[this.touchedCount++] = doc;
        count[doc] = count[doc]! + 1;
      }
    }
  }

  /** Which terms, words and entities matched in one of the top documents. */
  private hit(doc: number, score: number, plans: readonly WordPlan[], partial: boolean): IndexHit {
    const match: MatchInfo = {};
    const queryTerms: string[] = [];
    const entities: string[] = [];
    for (const plan of plans) {
      let found = false;
      for (const t of plan.terms) {
        t.postings.forEach((p, f) => {
          if (!p || !contains(p, doc)) return;
          const fields = (match[t.term] ??= []);
          if (!fields.includes(TEXT_FIELDS[f]!)) fields.push(TEXT_FIELDS[f]!);
          found = true;
        });
      }
      for (const e of plan.entities) {
        const p = this.entityPostings.get(e.id);
        if (!p || !contains(p, doc)) continue;
        if (!entities.includes(e.id)) entities.push(e.id);
        found = true;
      }
      if (found) queryTerms.push(plan.word);
    }
    return { doc, id: this.ids[doc]!, score, terms: Object.keys(match), queryTerms, entities, match, partial };
  }

  private reserve(n: number): void {
    if (this.score.length >= n) return;
    const size = Math.max(n, this.score.length * 2);
    this.score = new Float64Array(size);
    this.count = new Uint8Array(size);
    this.seen = new Int32Array(size);
    this.touched = new Int32Array(size);
    this.pass = 0;
  }

  private nextPass(): number {
    if (this.pass === 0x7fffffff) {
      this.seen.fill(0);
      this.pass = 0;
    }
    return ++this.pass;
  }
}

/** Binary search for a document in a posting list. */
function contains(p: Postings, doc: number): boolean {
  let lo = 0;
  let hi = p.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const d = p[mid]! >>> TF_BITS;
    if (d === doc) return true;
    if (d < doc) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** One term's serialized postings back into lists per field; undefined when malformed. */
function decode(list: readonly number[], docs: number): TermPostings | undefined {
  const fields: TermPostings = [];
  let i = 0;
  while (i < list.length) {
    const f = list[i]!;
    const count = list[i + 1] ?? -1;
    if (f >= ENTITIES || fields[f] !== undefined || count < 1 || i + 2 + count > list.length) return undefined;
    const p: Postings = [];
    let doc = 0;
    for (let j = 0; j < count; j++) {
      const x = list[i + 2 + j]!;
      if ((j > 0 && x >>> TF_BITS === 0) || (x & TF_MAX) === 0) return undefined; // a document twice, or no occurrence
      doc += x >>> TF_BITS;
      p.push((doc << TF_BITS) | (x & TF_MAX));
    }
    if (doc >= docs) return undefined;
    fields[f] = p;
    i += 2 + count;
  }
  return fields;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A list of non-negative integers. */
function isCounts(v: unknown): v is number[] {
  return Array.isArray(v) && v.every((x) => Number.isInteger(x) && x >= 0);
}
