// Build step: seeds/*.txt and seeds/metadata.json into the library. Node only.
// Bad input stops the build with the file's name; what is merely odd (metadata
// for a seed that is not there, metadata overriding the text) is a warning.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseSeed } from '../core/article-parse';
import { parseSeedMetadata, type SeedMeta } from '../core/seed-meta';
import { buildLibrary, type Library, type LibraryMatcher } from '../core/library';
import type { Article } from '../core/types';

export const METADATA_FILE = 'metadata.json';

export function buildLibraryFromSeeds(seedsDir: string, matcher: LibraryMatcher): { library: Library; warnings: string[] } {
  const warnings: string[] = [];
  const files = readdirSync(seedsDir)
    .filter((f) => /\.txt$/i.test(f))
    .sort();
  if (files.length === 0) throw new Error(`${seedsDir}: no seeds (*.txt)`);

  const metadata = readMetadata(join(seedsDir, METADATA_FILE));
  const seedIds = new Set(files.map(seedId));
  for (const id of metadata.keys()) {
    if (!seedIds.has(id)) warnings.push(`${METADATA_FILE}: entry "${id}" names no seed (${id}.txt is missing)`);
  }

  const articles: Article[] = [];
  const fileById = new Map<string, string>();
  for (const file of files) {
    const article = parseSeed(file, readFileSync(join(seedsDir, file)), metadata.get(seedId(file)), {
      onWarning: (w) => warnings.push(w),
    });
    const other = fileById.get(article.id);
    if (other !== undefined) throw new Error(`${file}: same id "${article.id}" as ${other}`);
    fileById.set(article.id, file);
    articles.push(article);
  }
  return { library: buildLibrary(articles, matcher), warnings };
}

function seedId(file: string): string {
  return file.replace(/\.txt$/i, '');
}

function readMetadata(path: string): Map<string, SeedMeta> {
  if (!existsSync(path)) return new Map();
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new Error(`${path}: not valid JSON (${(e as Error).message})`);
  }
  return parseSeedMetadata(json, path);
}
