// The gazetteer the content script lights by default (src/core/lit.ts): the
// entities that the built library's articles name. The bench's pages, census
// and references use it, so that everyone searches for the same names.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { entitiesNamedIn, litIds, subsetGazetteer } from '../src/core/lit';
import type { CompiledGazetteer, LibraryArticle } from '../src/core/types';

export function litGazetteerOfBuild(kb: CompiledGazetteer, distDir: string): CompiledGazetteer {
  const library = JSON.parse(readFileSync(resolve(distDir, 'library.json'), 'utf8')) as { articles: LibraryArticle[] };
  const none = new Set<string>();
  return subsetGazetteer(kb, litIds(kb, { inLibrary: entitiesNamedIn(library.articles), followed: none, muted: none, lightAll: false }));
}
