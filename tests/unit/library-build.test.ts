import { copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildLibraryFromSeeds } from '../../src/build/library-build';
import { parseSeedMetadata } from '../../src/core/seed-meta';
import { fakeMatcher } from './helpers/fake-matcher';

const SEEDS = resolve(__dirname, '../../seeds');
const seedFiles = readdirSync(SEEDS).filter((f) => f.endsWith('.txt'));

let dirs: string[] = [];
afterEach(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
});

/** A scratch seeds folder: copies of the real seeds (and metadata) plus extra files. */
function scratch(extra: Record<string, string | Uint8Array> = {}, withSeeds = true): string {
  const dir = mkdtempSync(join(tmpdir(), 'seeds-'));
  dirs.push(dir);
  if (withSeeds) for (const f of [...seedFiles, 'metadata.json']) copyFileSync(join(SEEDS, f), join(dir, f));
  for (const [name, content] of Object.entries(extra)) writeFileSync(join(dir, name), content);
  return dir;
}

describe('buildLibraryFromSeeds', () => {
  it('builds the seeds in file order, without warnings', () => {
    const { library, warnings } = buildLibraryFromSeeds(SEEDS, fakeMatcher());
    expect(library.articles().map((a) => a.id)).toEqual(seedFiles.sort().map((f) => f.replace('.txt', '')));
    expect(warnings).toEqual([]);
  });

  it('warns about metadata for a seed that is not there', () => {
    const meta = { a: { date: '2020-01-01', source: 'S' }, '999_missing': { date: '2020-01-01' } };
    const dir = scratch({ 'metadata.json': JSON.stringify(meta) }, false);
    writeFileSync(join(dir, 'a.txt'), 'Judul\n\nIsi.');
    const { warnings } = buildLibraryFromSeeds(dir, fakeMatcher());
    expect(warnings).toEqual(['metadata.json: entry "999_missing" names no seed (999_missing.txt is missing)']);
  });

  it('stops on a bad seed, naming it', () => {
    expect(() => buildLibraryFromSeeds(scratch({ '005_empty.txt': '' }), fakeMatcher())).toThrow(/^005_empty\.txt: empty file/);
    expect(() => buildLibraryFromSeeds(scratch({ '005_latin1.txt': new Uint8Array([0x41, 0xe9, 0x0a]) }), fakeMatcher())).toThrow(
      /^005_latin1\.txt: not valid UTF-8/,
    );
  });

  it('stops on two seeds with one id', () => {
    const dir = scratch({ 'x.txt': 'Judul\n\nIsi.', 'x.TXT': 'Judul lain\n\nIsi lain.', 'metadata.json': '{"x":{"date":"2020-01-01","source":"S"}}' }, false);
    expect(() => buildLibraryFromSeeds(dir, fakeMatcher())).toThrow(/^x\.txt: same id "x" as x\.TXT/);
  });

  it('stops on metadata that is not JSON or has the wrong shape', () => {
    expect(() => buildLibraryFromSeeds(scratch({ 'metadata.json': '{ nope' }), fakeMatcher())).toThrow(/metadata\.json: not valid JSON/);
    const typo = JSON.stringify({ '000_4031a0fc8753c09b': { autor: 'X' } });
    expect(() => buildLibraryFromSeeds(scratch({ 'metadata.json': typo }), fakeMatcher())).toThrow(/unknown field "autor"/);
  });

  it('stops on an empty folder', () => {
    expect(() => buildLibraryFromSeeds(scratch({}, false), fakeMatcher())).toThrow(/no seeds/);
  });
});

describe('parseSeedMetadata', () => {
  it('accepts entries and skips "$" comments', () => {
    const m = parseSeedMetadata({ $comment: 'x', a: { date: '2020-02-29', title: 'T', note: 'n' } });
    expect([...m.entries()]).toEqual([['a', { date: '2020-02-29', title: 'T', note: 'n' }]]);
  });

  it('refuses a wrong shape, saying where', () => {
    expect(() => parseSeedMetadata([], 'm.json')).toThrow('m.json: expected an object keyed by seed id');
    expect(() => parseSeedMetadata({ 'a.txt': {} })).toThrow(/"a\.txt" is not a seed id/);
    expect(() => parseSeedMetadata({ a: 'x' })).toThrow(/entry "a" must be an object/);
    expect(() => parseSeedMetadata({ a: { date: 20200101 } })).toThrow(/field "date" must be a non-empty string/);
    expect(() => parseSeedMetadata({ a: { date: '2021-02-29' } })).toThrow(/not a valid YYYY-MM-DD date/);
    expect(() => parseSeedMetadata({ a: { publisher: 'x' } })).toThrow(/unknown field "publisher"/);
  });
});
