// The library's search as it was before the library grew to 10,000 articles
// (main at b3563cc: src/core/library.ts and search-options.ts), kept as the
// benchmark's reference: MiniSearch over title, lead, body and an
// `entityNames` field holding every alias of every entity an article names,
// prefix and fuzzy matching on every word, AND, then OR when AND finds
// nothing. Only what searching needs: no snippets, no persistence.
import MiniSearch, { type Options, type SearchOptions } from 'minisearch';
import type { LibraryMatcher } from '../../src/core/library';
import { profileArticle } from '../../src/core/entity-profile';
import { processTerm, tokenize } from '../../src/core/search-options';
import type { Article } from '../../src/core/types';

interface LegacyDocument {
  id: string;
  title: string;
  lead: string;
  body: string;
  entityNames: string;
}

export const LEGACY_SEARCH_OPTIONS: SearchOptions = {
  prefix: (term) => term.length >= 3,
  fuzzy: (term) => (term.length >= 5 ? 0.2 : false),
  maxFuzzy: 2,
  boost: { title: 3, entityNames: 2, lead: 1.5 },
  combineWith: 'AND',
};

export const LEGACY_OPTIONS: Options<LegacyDocument> = {
  idField: 'id',
  fields: ['title', 'lead', 'body', 'entityNames'],
  storeFields: [],
  tokenize,
  processTerm,
  searchOptions: LEGACY_SEARCH_OPTIONS,
};

export interface LegacyLibrary {
  mini: MiniSearch<LegacyDocument>;
  /** The ids of the hits, best first. */
  search(query: string, limit: number): string[];
}

export function buildLegacyLibrary(articles: readonly Article[], matcher: LibraryMatcher): LegacyLibrary {
  const mini = new MiniSearch<LegacyDocument>(LEGACY_OPTIONS);
  for (const a of articles) {
    const finder = matcher.forLanguage?.(a.lang) ?? matcher;
    const profile = profileArticle(a, (t) => finder.find(t));
    const names: string[] = [];
    for (const id of Object.keys(profile)) {
      const e = matcher.entity(id);
      if (e) names.push(e.name, ...e.aliases, ...(e.weak ?? []));
    }
    mini.add({ id: a.id, title: a.title, lead: a.lead, body: a.paragraphs.join('\n'), entityNames: names.join('\n') });
  }
  return {
    mini,
    search(query, limit) {
      if (query.trim() === '') return [];
      let results = mini.search(query);
      if (results.length === 0) results = mini.search(query, { combineWith: 'OR' });
      return results.slice(0, limit).map((r) => String(r.id));
    },
  };
}
