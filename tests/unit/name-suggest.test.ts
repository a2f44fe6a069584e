// Names a saved article repeats that no entity has (src/core/name-suggest.ts):
// on real news pages (tests/fixtures/real/, extracted as a save extracts
// them), and on Indonesian, Russian and Turkish text.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../src/build/gazetteer';
import { extractPage } from '../../src/content/extract/extract';
import { createMatcher } from '../../src/core/matcher';
import { suggestNames, type NameSuggestion } from '../../src/core/name-suggest';

const matcher = createMatcher(loadKnowledgeBase());
const REAL = resolve(import.meta.dirname, '../fixtures/real');

const extracted = new Map<string, { lead: string; paragraphs: string[]; lang: string }>();

/** The page as a save extracts it (once per file: Readability in jsdom takes seconds on the long ones). */
function saved(file: string) {
  const known = extracted.get(file);
  if (known) return known;
  const url = 'https://news.example/a';
  const doc = new JSDOM(readFileSync(resolve(REAL, file), 'utf8'), { url, virtualConsole: new VirtualConsole() }).window.document;
  const r = extractPage(doc, url, Date.UTC(2025, 0, 1), 'article');
  if (r.kind !== 'article') throw new Error(`${file}: ${r.kind}`);
  const out = { lead: r.lead, paragraphs: r.paragraphs, lang: r.page.lang };
  extracted.set(file, out);
  return out;
}

const names = (s: NameSuggestion[]) => s.map((x) => x.name);
const text = (...paragraphs: string[]) => ({ lead: paragraphs[0]!, paragraphs: paragraphs.slice(1) });

describe('on real news pages', { timeout: 60_000 }, () => {
  it('BBC: the president it names in full, then by surname; nothing the knowledge base knows', () => {
    const s = suggestNames(saved('bbc-1.html'), matcher.find);
    expect(s[0]).toEqual({ name: 'Barack Obama', aliases: ['Obama'], count: 12 });
    // "US" and "America" are known entities: never suggested.
    expect(names(s).some((n) => /^(US|America|United States)$/.test(n))).toBe(false);
  });

  it('The Telegraph and The Washington Post: people by full name with their surnames', () => {
    expect(suggestNames(saved('telegraph.html'), matcher.find)).toContainEqual({ name: 'Emmerson Mnangagwa', aliases: ['Mnangagwa'], count: 3 });
    const wapo = suggestNames(saved('wapo-1.html'), matcher.find);
    expect(wapo).toContainEqual({ name: 'Lotfi Azzouz', aliases: ['Azzouz'], count: 4 });
    expect(names(wapo)).toContain('Ennahda');
    // Capitalised for a creed, not a name.
    expect(names(wapo)).not.toContain('Islamists');
  });

  it('at most five, the most repeated first, each at least twice', () => {
    for (const file of ['engadget.html', 'wikipedia-2.html', 'breitbart.html', 'folha.html']) {
      const s = suggestNames(saved(file), matcher.find);
      expect(s.length, file).toBeLessThanOrEqual(5);
      expect(s.every((x) => x.count >= 2), file).toBe(true);
      expect(s.map((x) => x.count), file).toEqual(s.map((x) => x.count).sort((a, b) => b - a));
    }
    // Folha (Portuguese): "Jair Bolsonaro", then "Bolsonaro".
    expect(suggestNames(saved('folha.html'), matcher.find)).toContainEqual({ name: 'Jair Bolsonaro', aliases: ['Bolsonaro'], count: 3 });
  });

  it('"Māori", long before "Taranaki Māori", stays a name of its own', () => {
    const s = suggestNames(saved('wikipedia-2.html'), matcher.find);
    expect(s[0]).toMatchObject({ name: 'Māori', aliases: [] });
  });
});

describe('in the languages we read', () => {
  it('Indonesian: a title and sentence openers are no part of the name; days and "Anda" are no names', () => {
    const s = suggestNames(
      text(
        'Presiden Zorbania, Velmar Oskarovich, tiba di Jakarta pada Senin (12/5).',
        'Dalam kunjungan itu, Oskarovich bertemu dengan pimpinan Partai Kebangkitan Rakyat.',
        'Menurut Oskarovich, kerja sama kedua negara akan diperluas sejak Senin.',
        'Anda dapat membaca laporan lengkapnya. Anda juga dapat menonton videonya.',
        'Partai Kebangkitan Rakyat didirikan pada 1998 di Port Velmar.',
      ),
      matcher.find,
    );
    expect(s).toEqual([
      { name: 'Velmar Oskarovich', aliases: ['Oskarovich'], count: 3 },
      { name: 'Partai Kebangkitan Rakyat', aliases: [], count: 2 },
    ]);
  });

  it('Russian: Cyrillic capitals, the forms of a name counted as one, shown in the form that declines into the others', () => {
    const s = suggestNames(
      text(
        'В Москву прибыл Велмар Оскарович, президент Зорбании.',
        'Оскарович встретился с министром. По словам Оскаровича, переговоры прошли успешно.',
        'Визит Оскаровича продлится три дня; партия «Новая Зорбания» его поддержала.',
      ),
      matcher.find,
    );
    expect(s).toEqual([{ name: 'Велмар Оскарович', aliases: ['Оскарович'], count: 4 }]);
    // Followed, the name finds every form of it.
    const follow = createMatcher({ version: 1, entities: [{ id: 'u', type: 'person', name: 'x', description: '', aliases: ['оскарович'] }] });
    expect(follow.find('Оскарович, Оскаровича, Оскаровичем').length).toBe(3);
  });

  it('Turkish: the ending after an apostrophe is no part of the name, and a title inside a run splits it', () => {
    const s = suggestNames(
      text(
        'Zorbanya Cumhurbaşkanı Velmar Oskaroviç, Ankara’ya geldi.',
        'Oskaroviç’in ziyareti iki gün sürecek. Heyette Dışişleri Bakanı Lale Demirkaya da var.',
        'Oskaroviç, Erdoğan ile görüştü; Demirkaya ise basına açıklama yaptı.',
      ),
      matcher.find,
    );
    expect(s).toEqual([
      { name: 'Velmar Oskaroviç', aliases: ['Oskaroviç'], count: 3 },
      { name: 'Lale Demirkaya', aliases: ['Demirkaya'], count: 2 },
    ]);
  });

  it('a name only ever at the start of a sentence, or written once, is not offered; German is left alone', () => {
    expect(suggestNames(text('Velmar came. Velmar left.', 'Zorbanov spoke once.'), matcher.find)).toEqual([]);
    expect(suggestNames({ ...text('Die Regierung von Velmar Oskarowitsch.', 'Oskarowitsch und die Regierung sprachen.'), lang: 'de' }, matcher.find)).toEqual([]);
  });

  it('leaves out a name an entity already has, the reader\'s own included', () => {
    const article = text('Leaders met Velmar Oskarovich in Baku.', 'Oskarovich said the talks went well.');
    expect(names(suggestNames(article, matcher.find))).toEqual(['Velmar Oskarovich']);
    const withIt = createMatcher({ ...loadKnowledgeBase(), entities: [...loadKnowledgeBase().entities, { id: 'u-velmar-oskarovich', type: 'person', name: 'Velmar Oskarovich', description: '', aliases: ['oskarovich', 'velmar oskarovich'] }], starts: undefined });
    expect(suggestNames(article, withIt.find)).toEqual([]);
  });
});
