// Ranking library articles against what a page names. Pure, so that the popup's
// "related" list and the hover card share one definition, tested on hand-made
// profiles.
//
// A shared entity counts for more when it is rare in the library (Putin is in
// every seed and tells little; Dushanbe or Pashinyan tell a lot) and when the
// page makes much of it (named in the title, named often). Demonyms count less
// than names.
import type { EntityProfile, EntityStat } from './types';

/** What a page (or an article used as a page) says about one entity. */
export interface PageWeightInput {
  id: string;
  count: number;
  weakCount: number;
  prominent: boolean;
}

export interface Rankable {
  id: string;
  entities: EntityProfile;
}

export interface Ranked<T> {
  item: T;
  score: number;
  /** Shared entity ids, most telling first. */
  shared: string[];
}

const WEAK_FACTOR = 0.4;

/**
 * Inverse document frequency, with a floor so that an entity in every article
 * is worth little but never exactly nothing (it still separates an article that
 * names it from one that does not).
 */
export function rarity(docFrequency: number, totalDocs: number): number {
  if (docFrequency <= 0 || totalDocs <= 0) return 0;
  return Math.log(Math.max(1, totalDocs / docFrequency)) + 0.05;
}

/** How much the page makes of an entity. */
export function pageWeight(e: PageWeightInput): number {
  const mentions = e.count + WEAK_FACTOR * e.weakCount;
  if (mentions <= 0) return 0;
  const base = e.count > 0 ? 1 : WEAK_FACTOR;
  return base * (1 + Math.log(mentions)) * (e.prominent ? 2 : 1);
}

/** How much an article makes of an entity. */
export function articleWeight(stat: EntityStat): number {
  return articleWeightOf(stat.count, stat.weakCount, stat.prominent);
}

/** articleWeight, from the stat's numbers. */
export function articleWeightOf(count: number, weakCount: number, prominent: boolean): number {
  const mentions = count + WEAK_FACTOR * weakCount;
  if (mentions <= 0) return 0;
  const base = count > 0 ? 1 : WEAK_FACTOR;
  return base * (1 + 0.5 * Math.log(mentions)) * (prominent ? 1.5 : 1);
}

/** How many mentions, demonyms counted at WEAK_FACTOR, make a page about its names when none is in its title. */
const EVIDENCE_MIN = 2;

/**
 * Whether what a page names is evidence enough to list related articles: a
 * name in its title or first heading, or names mentioned at least twice in
 * all (a demonym counting less). A single passing mention, or a demonym or
 * two, says little of what the page is about: it lists nothing.
 */
export function hasEvidence(page: readonly PageWeightInput[]): boolean {
  let mentions = 0;
  for (const e of page) {
    if (e.prominent && e.count > 0) return true;
    mentions += e.count + WEAK_FACTOR * e.weakCount;
  }
  return mentions >= EVIDENCE_MIN;
}

export function documentFrequencies(items: readonly Rankable[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const item of items) {
    for (const id of Object.keys(item.entities)) df.set(id, (df.get(id) ?? 0) + 1);
  }
  return df;
}

export interface RankOptions {
  /** Document frequency per entity; computed from `items` when absent. */
  df?: ReadonlyMap<string, number>;
  /** Library size; `items.length` when absent. */
  totalDocs?: number;
  /** Text similarity per item id (e.g. a search score for the page title), to break ties. */
  similarity?: Map<string, number>;
  limit?: number;
}

/** Ranks items by the entities they share with the page; items sharing nothing are left out. */
export function rankByEntities<T extends Rankable>(
  items: readonly T[],
  page: readonly PageWeightInput[],
  options: RankOptions = {},
): Ranked<T>[] {
  const df = options.df ?? documentFrequencies(items);
  const total = options.totalDocs ?? items.length;
  const ranked: Ranked<T>[] = [];
  for (const item of items) {
    let score = 0;
    const contributions: Array<[string, number]> = [];
    for (const e of page) {
      const stat = item.entities[e.id];
      if (!stat) continue;
      const c = rarity(df.get(e.id) ?? 1, total) * pageWeight(e) * articleWeight(stat);
      if (c <= 0) continue;
      score += c;
      contributions.push([e.id, c]);
    }
    if (score <= 0) continue;
    contributions.sort((a, b) => b[1] - a[1]);
    ranked.push({ item, score, shared: contributions.map(([id]) => id) });
  }
  const sim = options.similarity;
  ranked.sort((a, b) => {
    // Scores within 1% are a tie, broken by text similarity, then by id for stability.
    const diff = b.score - a.score;
    if (Math.abs(diff) > 0.01 * Math.max(a.score, b.score)) return diff;
    const s = (sim?.get(b.item.id) ?? 0) - (sim?.get(a.item.id) ?? 0);
    if (s !== 0) return s;
    return diff !== 0 ? diff : a.item.id < b.item.id ? -1 : 1;
  });
  return options.limit ? ranked.slice(0, options.limit) : ranked;
}

/**
 * Articles for one entity's hover card: only those that name it, and among
 * them first the ones that share more of the page's other entities (hovering
 * Putin on a page about Erdoğan's call shows the Putin–Erdoğan article first).
 */
export function rankForEntity<T extends Rankable>(
  items: readonly T[],
  entityId: string,
  page: readonly PageWeightInput[],
  options: RankOptions = {},
): Ranked<T>[] {
  const naming = items.filter((item) => item.entities[entityId]);
  const df = options.df ?? documentFrequencies(items);
  const total = options.totalDocs ?? items.length;
  const context = page.filter((e) => e.id !== entityId);
  const ranked = naming.map((item) => {
    const own = articleWeight(item.entities[entityId] as EntityStat);
    const byContext = rankByEntities([item], context, { df, totalDocs: total })[0];
    // The page context dominates; how much the article makes of the entity itself breaks ties.
    return { item, score: (byContext?.score ?? 0) + 0.1 * own, shared: [entityId, ...(byContext?.shared ?? [])] };
  });
  ranked.sort((a, b) => b.score - a.score || (a.item.id < b.item.id ? -1 : 1));
  return options.limit ? ranked.slice(0, options.limit) : ranked;
}

/**
 * The lists the list-based ranking reads: the articles naming each entity,
 * and how each names it. Articles are numbered by slot (below `slotCount`),
 * so that scores add up in an array rather than a map of ids.
 */
export interface NamingLists {
  readonly slotCount: number;
  forEachNamingSlot(entityId: string, visit: (slot: number, count: number, weakCount: number, prominent: boolean) => void): void;
  /** The id of a live article's slot. */
  idAt(slot: number): string;
  slotOf(id: string): number | undefined;
  stat(id: string, entityId: string): EntityStat | undefined;
}

export interface ListRankOptions {
  df: ReadonlyMap<string, number>;
  totalDocs: number;
  limit: number;
  /** An article left out (the one the page is). */
  exclude?: string;
}

/**
 * The `limit` best of the slots by score, then by id: rankByEntities' order
 * when no similarity is given. Kept sorted as they come, so that no list of
 * every candidate is made or sorted.
 */
function best(lists: NamingLists, slots: Iterable<number>, score: (slot: number) => number, limit: number): Array<[string, number]> {
  const topSlots: number[] = [];
  const topScores: number[] = [];
  const before = (slot: number, s: number, k: number) => s > topScores[k]! || (s === topScores[k]! && lists.idAt(slot) < lists.idAt(topSlots[k]!));
  if (limit <= 0) return [];
  for (const slot of slots) {
    const s = score(slot);
    const full = topSlots.length === limit;
    if (full && !before(slot, s, limit - 1)) continue;
    let i = full ? limit - 1 : topSlots.length;
    if (!full) {
      topSlots.push(slot);
      topScores.push(s);
    }
    while (i > 0 && before(slot, s, i - 1)) {
      topSlots[i] = topSlots[i - 1]!;
      topScores[i] = topScores[i - 1]!;
      i--;
    }
    topSlots[i] = slot;
    topScores[i] = s;
  }
  return topSlots.map((slot, k) => [lists.idAt(slot), topScores[k]!]);
}

/** The entities an article shares with the page, most telling first, as rankByEntities gives them. */
function sharedOf(lists: NamingLists, id: string, page: readonly PageWeightInput[], df: ReadonlyMap<string, number>, total: number): string[] {
  const contributions: Array<[string, number]> = [];
  for (const e of page) {
    const stat = lists.stat(id, e.id);
    if (!stat) continue;
    const c = rarity(df.get(e.id) ?? 1, total) * pageWeight(e) * articleWeight(stat);
    if (c > 0) contributions.push([e.id, c]);
  }
  return contributions.sort((a, b) => b[1] - a[1]).map(([e]) => e);
}

/**
 * rankByEntities over the entity lists: the same scores, in the same order,
 * walking only the articles that name one of the page's entities, and
 * working out the shared entities of the articles returned alone.
 */
export function rankByLists(lists: NamingLists, page: readonly PageWeightInput[], o: ListRankOptions): Array<{ id: string; score: number; shared: string[] }> {
  const excluded = o.exclude === undefined ? undefined : lists.slotOf(o.exclude);
  const { scores, scored } = pageScores(lists, page, o, (slot) => slot !== excluded);
  return best(lists, scored, (slot) => scores[slot]!, o.limit).map(([id, score]) => ({ id, score, shared: sharedOf(lists, id, page, o.df, o.totalDocs) }));
}

/**
 * What the page's entities make each article that `counts` worth:
 * rankByEntities' sums, in the page's order, by slot; `scored`, the slots
 * with a score.
 */
function pageScores(lists: NamingLists, page: readonly PageWeightInput[], o: ListRankOptions, counts: (slot: number) => boolean): { scores: Float64Array; scored: number[] } {
  const scores = new Float64Array(lists.slotCount);
  const scored: number[] = [];
  for (const e of page) {
    const weight = rarity(o.df.get(e.id) ?? 1, o.totalDocs) * pageWeight(e);
    if (weight <= 0) continue;
    lists.forEachNamingSlot(e.id, (slot, count, weakCount, prominent) => {
      const c = weight * articleWeightOf(count, weakCount, prominent);
      if (!(c > 0) || !counts(slot)) return;
      if (scores[slot] === 0) scored.push(slot);
      scores[slot] = scores[slot]! + c;
    });
  }
  return { scores, scored };
}

/**
 * rankForEntity over the entity lists: the articles naming the entity, the
 * same scores in the same order; `count` is how many name it.
 */
export function rankForEntityByLists(lists: NamingLists, entityId: string, page: readonly PageWeightInput[], o: ListRankOptions): { count: number; ranked: Array<{ id: string; score: number; shared: string[] }> } {
  const own = new Map<number, number>();
  lists.forEachNamingSlot(entityId, (slot, count, weakCount, prominent) => own.set(slot, articleWeightOf(count, weakCount, prominent)));
  const context = page.filter((e) => e.id !== entityId);
  const { scores } = pageScores(lists, context, o, (slot) => own.has(slot));
  const ranked = best(lists, own.keys(), (slot) => scores[slot]! + 0.1 * own.get(slot)!, o.limit).map(([id, score]) => ({ id, score, shared: [entityId, ...sharedOf(lists, id, context, o.df, o.totalDocs)] }));
  return { count: own.size, ranked };
}
