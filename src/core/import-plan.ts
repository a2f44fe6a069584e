// What an import does to the library, decided before anything is written:
// articles are matched by URL (the canonical URL each was saved under), and
// of two copies of one article the one saved later wins. Pure.
import type { SavedArticle } from './saved-article';

/** What the plan needs of an incoming article. */
export type Planned = Pick<SavedArticle, 'url' | 'savedAt'>;

export interface ImportPlan<T extends Planned = SavedArticle> {
  /** Articles not in the library. */
  add: T[];
  /** Articles in the library, saved later in the file: they replace the library's copy. */
  replace: T[];
  /** Articles the library already has as they are, or in a later copy. */
  unchanged: number;
  /** Repeats of an article within the file (the later one counts). */
  duplicates: number;
}

/** `existing`: the saved articles' URLs and when each was saved. */
export function planImport<T extends Planned>(existing: ReadonlyMap<string, number>, incoming: readonly T[]): ImportPlan<T> {
  const latest = new Map<string, T>();
  let duplicates = 0;
  for (const a of incoming) {
    const seen = latest.get(a.url);
    if (seen) duplicates++;
    if (!seen || a.savedAt > seen.savedAt) latest.set(a.url, a);
  }
  const plan: ImportPlan<T> = { add: [], replace: [], unchanged: 0, duplicates };
  for (const a of latest.values()) {
    const savedAt = existing.get(a.url);
    if (savedAt === undefined) plan.add.push(a);
    else if (a.savedAt > savedAt) plan.replace.push(a);
    else plan.unchanged++;
  }
  return plan;
}
