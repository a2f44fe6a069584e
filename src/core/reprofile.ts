// When the reader's names change (an entity followed, made, renamed, given a
// spelling or losing one), the library's articles that the change concerns
// are profiled and indexed again, through the Library's public interface
// (upsert), so that their hover cards, related lists and search follow. The
// library's matcher must already read the new names. Only the concerned
// articles are touched: those naming a changed entity now, and those where a
// matcher of the changed entities alone finds one. The work goes in chunks
// with a pause between them, so that the background keeps answering.
import { articleText } from './entity-profile';
import type { Library } from './library';
import { createMatcher, type Matcher } from './matcher';
import { subsetGazetteer } from './lit';
import { writesEndingsOnNames } from './turkic-suffix';
import type { CompiledEntity, CompiledGazetteer, LibraryArticle, LibraryEntry } from './types';

const sameEntity = (a: CompiledEntity, b: CompiledEntity): boolean => JSON.stringify(a) === JSON.stringify(b);

/** The entities added, removed or changed (spellings, name, type, …) from one knowledge base to the other. */
export function changedEntities(before: CompiledGazetteer, after: CompiledGazetteer): string[] {
  if (before === after) return [];
  const old = new Map(before.entities.map((e) => [e.id, e]));
  const changed = new Set<string>();
  for (const e of after.entities) {
    const was = old.get(e.id);
    if (!was || (was !== e && !sameEntity(was, e))) changed.add(e.id);
    old.delete(e.id);
  }
  for (const id of old.keys()) changed.add(id);
  return [...changed];
}

/**
 * Finds the changed entities in an article's text, as the library's matcher
 * would (Azerbaijani endings included); null when no changed entity is left
 * to find (all were removed), so that no text needs reading.
 */
function changeProbe(after: CompiledGazetteer, changed: readonly string[]): ((article: LibraryArticle) => boolean) | null {
  const present = changed.filter((id) => after.entities.some((e) => e.id === id));
  if (present.length === 0) return null;
  const g = subsetGazetteer(after, present);
  const plain = createMatcher(g);
  let endings: Matcher | undefined;
  return (article) => {
    const m = writesEndingsOnNames(article.lang) ? (endings ??= createMatcher(g, { endingsOnNames: true })) : plain;
    return m.find(articleText(article)).length > 0;
  };
}

export interface ReprofileOptions {
  /** Articles scanned (or profiled again) between two pauses. */
  chunk?: number;
  /** Lets other work run between chunks; a macrotask by default. */
  pause?: () => Promise<void>;
  /** Only these articles, of those the library holds (by default all). */
  only?: (entry: LibraryEntry) => boolean;
}

const macrotask = () => new Promise<void>((done) => setTimeout(done, 0));

/**
 * Profiles and indexes again the articles a change from `before` to `after`
 * concerns; returns their ids. The library's matcher reads `after` already.
 */
export async function reprofileLibrary(library: Library, before: CompiledGazetteer, after: CompiledGazetteer, options: ReprofileOptions = {}): Promise<string[]> {
  const changed = changedEntities(before, after);
  if (changed.length === 0) return [];
  const { chunk = 100, pause = macrotask, only } = options;
  const ids = new Set(changed);
  const probe = changeProbe(after, changed);
  const entries = library.articles().filter((e) => !only || only(e));
  const concerned: string[] = [];
  for (let i = 0; i < entries.length; i += chunk) {
    const part = entries.slice(i, i + chunk);
    const unnamed: string[] = [];
    for (const e of part) {
      if (Object.keys(e.entities).some((id) => ids.has(id))) concerned.push(e.id);
      else unnamed.push(e.id);
    }
    // The others' texts are read (saved ones from IndexedDB) only where a changed entity may be found in them.
    if (probe && unnamed.length > 0) for (const a of await library.articlesWithText(unnamed)) if (probe(a)) concerned.push(a.id);
    await pause();
  }
  const done: string[] = [];
  for (let i = 0; i < concerned.length; i += chunk) {
    // Read again: an article may have been replaced or deleted during a pause.
    for (const article of await library.articlesWithText(concerned.slice(i, i + chunk))) {
      library.upsert(article);
      done.push(article.id);
    }
    await pause();
  }
  return done;
}
