// Every UI string the popup, the extension pages, the hover card and the manifest
// ask for exists in English and Indonesian, with the same placeholders: a
// missing key would show as the bare key (see shared/i18n.ts) in one language only.
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const locale = (lang: string): Messages => JSON.parse(readFileSync(resolve(ROOT, `src/_locales/${lang}/messages.json`), 'utf8'));
const en = locale('en');
const id = locale('id');

function sources(dir: string): string[] {
  return readdirSync(resolve(ROOT, dir), { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? sources(`${dir}/${d.name}`) : /\.tsx?$/.test(d.name) ? [readFileSync(resolve(ROOT, dir, d.name), 'utf8')] : [],
  );
}

/** Keys passed to t('…') literally, plus the ones built from a template (`type_${type}`) or a table. */
function usedKeys(): string[] {
  const text = sources('src/popup').concat(sources('src/pages'), sources('src/content'), sources('src/shared'), sources('src/background')).join('\n');
  const literal = [...text.matchAll(/\bt\('([A-Za-z_]+)'/g)].map((m) => m[1]!);
  const manifest = readFileSync(resolve(ROOT, 'manifest.json'), 'utf8');
  const fromManifest = [...manifest.matchAll(/__MSG_([A-Za-z_]+)__/g)].map((m) => m[1]!);
  const tabled = [...text.matchAll(/:\s*'(status[A-Z][A-Za-z]+)'/g)].map((m) => m[1]!);
  const typed = text.includes('t(`type_${') ? ['type_person', 'type_place', 'type_organisation'] : [];
  return [...new Set([...literal, ...fromManifest, ...tabled, ...typed])].sort();
}

const placeholders = (m: Messages, key: string) => Object.keys(m[key]?.placeholders ?? {}).sort();

describe('UI strings', () => {
  const keys = usedKeys();

  it('defines each key once per language (JSON.parse would keep the last silently; the stores refuse it)', () => {
    for (const lang of ['en', 'id']) {
      const text = readFileSync(resolve(ROOT, `src/_locales/${lang}/messages.json`), 'utf8');
      const keys = [...text.matchAll(/^  "([A-Za-z_]+)": \{/gm)].map((m) => m[1]!);
      expect(keys.filter((k, i) => keys.indexOf(k) !== i), lang).toEqual([]);
    }
  });

  it('finds the keys it checks', () => {
    expect(keys).toEqual(
      expect.arrayContaining(['searchLabel', 'relatedHeading', 'statusRestricted', 'articleNotFound', 'type_place', 'cardNothingInView', 'commandShowCard', 'extName']),
    );
  });

  it.each(keys)('"%s" is in English and Indonesian with the same placeholders', (key) => {
    expect(en[key]?.message, `en: ${key}`).toBeTruthy();
    expect(id[key]?.message, `id: ${key}`).toBeTruthy();
    expect(placeholders(id, key)).toEqual(placeholders(en, key));
    // Every placeholder is used in the message, in both languages.
    for (const m of [en, id]) {
      for (const name of placeholders(m, key)) expect(m[key]!.message).toContain(`$${name.toUpperCase()}$`);
    }
  });
});
