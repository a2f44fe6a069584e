import { readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { loadGazetteer, loadKnowledgeBase } from '../../src/build/gazetteer';
import { fold, foldCode, isLowerChar, isWordChar } from '../../src/core/fold';
import { createMatcher } from '../../src/core/matcher';
import { inflection } from '../../src/core/inflection';
import { subsetGazetteer } from '../../src/core/lit';
import { absoluteRanges, firstLetters, startRanges } from '../../src/core/start-ranges';
import { textLooksAzerbaijani, writesEndingsOnNames } from '../../src/core/turkic-suffix';
import type { CompiledGazetteer } from '../../src/core/types';

const g = loadGazetteer();
const m = createMatcher(g);

/** Mentions as "id@start:slice" ("(w)" for demonyms): exact ids and offsets in one readable string. */
function spans(text: string, matcher = m): string[] {
  return matcher.find(text).map((x) => `${x.entityId}${x.weak ? '(w)' : ''}@${x.start}:${text.slice(x.start, x.end)}`);
}

const seedDir = new URL('../../seeds/', import.meta.url);
const seeds = Object.fromEntries(
  readdirSync(seedDir)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => [f.slice(0, 3), readFileSync(new URL(f, seedDir), 'utf8')]),
);
const seed = (n: string): string => seeds[n] ?? '';

describe('word boundaries (Unicode, not JS \\b)', () => {
  test('no name inside a longer word', () => {
    expect(spans('Rasputin was a mystic; Putinism is not Putin.')).toEqual(['putin@39:Putin']);
    expect(spans('Путинизм и Распутин')).toEqual([]);
    expect(spans('Türkiyeli, Rusyalı, İranlı')).toEqual([]);
    expect(spans('Сочинский, Бакинский')).toEqual([]);
  });

  test('punctuation and hyphens are boundaries', () => {
    expect(spans('pro-Rusia, Rusia-Turki, (Baku), «Москва»')).toEqual([
      'russia@4:Rusia',
      'russia@11:Rusia',
      'turkey@17:Turki',
      'baku@25:Baku',
      'moscow@33:Москва',
    ]);
  });

  test('a glued title is not a name: "Kompas.comPutin"', () => {
    expect(spans('Kompas.comPutin bertemu')).toEqual([]);
  });
});

describe('case and diacritics', () => {
  test('Erdogan finds Erdoğan and back; Cavusoglu finds Çavuşoğlu', () => {
    expect(spans('Erdoğan, Erdogan, ERDOĞAN')).toEqual(['erdogan@0:Erdoğan', 'erdogan@9:Erdogan', 'erdogan@18:ERDOĞAN']);
    expect(spans('Mevlut Cavusoglu; Çavuşoğlu; ÇAVUŞOĞLU')).toEqual([
      'cavusoglu@0:Mevlut Cavusoglu',
      'cavusoglu@18:Çavuşoğlu',
      'cavusoglu@29:ÇAVUŞOĞLU',
    ]);
  });

  test('decomposed text (NFD) keeps true offsets', () => {
    const text = 'Sayın Erdog\u0306an dedi';
    expect(spans(text)).toEqual([`erdogan@6:Erdog\u0306an`]);
  });

  test('one space in an alias matches any whitespace run', () => {
    expect(spans('Vladimir  Putin, Vladimir\u00a0Putin, Vladimir\nPutin')).toEqual([
      'putin@0:Vladimir  Putin',
      'putin@17:Vladimir\u00a0Putin',
      'putin@33:Vladimir\nPutin',
    ]);
  });
});

describe('names look like names', () => {
  test('a lower-case common word is not an entity', () => {
    expect(spans('roast turkey and stuffing')).toEqual([]);
    expect(spans('kata baku dalam bahasa baku')).toEqual([]);
    expect(spans('Turkey is a country.')).toEqual(['turkey@0:Turkey']);
  });

  test('all-caps datelines are entities', () => {
    expect(spans('MOSKWA, KOMPAS.com - Rusia')).toEqual(['moscow@0:MOSKWA', 'russia@21:Rusia']);
    expect(spans('BAKU, Azerbaijan (AP) —')).toEqual(['baku@0:BAKU', 'azerbaijan@6:Azerbaijan']);
  });

  test('acronyms that are words match only as written', () => {
    expect(spans('koalisi pimpinan AS.')).toEqual(['united-states@17:AS']);
    expect(spans('As said, as usual, let us go. Us too.')).toEqual([]);
    expect(spans('US sanctions, the U.S. and the UN')).toEqual([
      'united-states@0:US',
      'united-states@18:U.S.',
      'united-nations@31:UN',
    ]);
    expect(spans('ISIS, not the goddess Isis')).toEqual(['isis@0:ISIS']);
  });

  test('"Bakı" is Baku only when spelled so: Baki is a district of Java', () => {
    expect(spans("Bakı'da, Baki")).toEqual(['baku@0:Bakı']);
  });
});

describe('context rules', () => {
  test('Indonesian "baku tembak", "baku hantam", "bahan baku" are not the city', () => {
    expect(spans('Baku tembak itu diyakini sudah membunuh ribuan orang.')).toEqual([]);
    expect(spans('Terjadi baku tembak. BAKU TEMBAK! Baku hantam di pasar.')).toEqual([]);
    expect(spans('Harga Bahan Baku naik; Bahasa Baku')).toEqual([]);
  });

  test('but "Armenia dan Baku gagal" is the city', () => {
    expect(spans('setelah Armenia dan Baku gagal menyepakati')).toEqual(['armenia@8:Armenia', 'baku@20:Baku']);
  });

  test('"Amerika" alone is the United States, not before Latin/Selatan', () => {
    expect(spans('Amerika Latin dan Amerika')).toEqual(['united-states@18:Amerika']);
  });

  test('French "la Hollande" is Holland; Ivan Grozny is a tsar', () => {
    expect(spans('la Hollande; François Hollande; Hollande')).toEqual([
      'hollande@13:François Hollande',
      'hollande@32:Hollande',
    ]);
    expect(spans('Ivan Grozny; Иван Грозный; Grozny')).toEqual(['grozny@27:Grozny']);
  });
});

describe('longest match', () => {
  test('full names are one mention', () => {
    expect(spans('Recep Tayyip Erdoğan ve Vladimir Putin')).toEqual([
      'erdogan@0:Recep Tayyip Erdoğan',
      'putin@24:Vladimir Putin',
    ]);
    expect(spans('di Nagorno-Karabakh, Azerbaijan Airlines')).toEqual([
      'nagorno-karabakh@3:Nagorno-Karabakh',
      'azerbaijan-airlines@21:Azerbaijan Airlines',
    ]);
    expect(spans('Negara Islam Irak dan Suriah (ISIS)')).toEqual(['isis@0:Negara Islam Irak dan Suriah', 'isis@30:ISIS']);
  });

  test('a longest candidate that ends inside a word gives way to a shorter one', () => {
    expect(spans('Amerika Serikatnya')).toEqual(['united-states@0:Amerika']);
  });
});

describe('inflected forms', () => {
  test('Russian case endings: the mention covers the whole word', () => {
    const text = 'Путина, Путину, Путиным, России, Азербайджана, Казахстане, Москве, Москвы.';
    expect(spans(text)).toEqual([
      'putin@0:Путина',
      'putin@8:Путину',
      'putin@16:Путиным',
      'russia@25:России',
      'azerbaijan@33:Азербайджана',
      'kazakhstan@47:Казахстане',
      'moscow@59:Москве',
      'moscow@67:Москвы',
    ]);
  });

  test('every word of a Russian name declines; Кремль loses its soft sign', () => {
    expect(spans('Марии Захаровой в Нагорном Карабахе, Кремля, Кремлём, у Чёрного моря')).toEqual([
      'zakharova@0:Марии Захаровой',
      'nagorno-karabakh@18:Нагорном Карабахе',
      'kremlin@37:Кремля',
      'kremlin@45:Кремлём',
      'black-sea@56:Чёрного моря',
    ]);
  });

  test('derived words are not inflections', () => {
    expect(spans('Россиянин, Азербайджанский, Московский, Путинской, Захаров')).toEqual([]);
  });

  test('Turkish suffixes after an apostrophe and English possessives: the name only', () => {
    expect(spans("Erdoğan'ın, Rusya’nın, Putin's, Putin’s")).toEqual([
      'erdogan@0:Erdoğan',
      'russia@12:Rusya',
      'putin@23:Putin',
      'putin@32:Putin',
    ]);
  });

  test('inflection() stems', () => {
    expect(inflection('путин')).toEqual({ stem: 'путин', required: false });
    expect(inflection('москва')).toEqual({ stem: 'москв', required: true });
    expect(inflection('грозный')).toEqual({ stem: 'грозн', required: true });
    expect(inflection('баку')).toBeUndefined(); // indeclinable, and "Бака" would be a tank
    expect(inflection('сочи')).toBeUndefined();
    expect(inflection('putin')).toBeUndefined();
  });
});

describe('typos', () => {
  test('"VladimirPutin" (seed 000) is Putin', () => {
    expect(spans('Presiden Rusia VladimirPutin mengakui')).toEqual(['russia@9:Rusia', 'putin@15:VladimirPutin']);
    expect(spans('IlhamAliyev, NikolPashinyan')).toEqual(['aliyev@0:IlhamAliyev', 'pashinyan@13:NikolPashinyan']);
  });

  test('but an upper-case letter inside a word is not a space: "VladimirXPutin"', () => {
    expect(spans('VladimirXPutin')).toEqual([]);
  });
});

describe('multilingual sentences', () => {
  test('English', () => {
    const text = 'Russian President Vladimir Putin met Turkish President Recep Tayyip Erdogan in Sochi, on the Black Sea.';
    expect(spans(text)).toEqual([
      'russia(w)@0:Russian',
      'putin@18:Vladimir Putin',
      'turkey(w)@37:Turkish',
      'erdogan@55:Recep Tayyip Erdogan',
      'sochi@79:Sochi',
      'black-sea@93:Black Sea',
    ]);
  });

  test('Indonesian', () => {
    const text = 'Menlu Prancis bertemu di Jenewa, Swiss, dengan juru bicara PBB dan pejabat Amerika Serikat.';
    expect(spans(text)).toEqual([
      'france@6:Prancis',
      'geneva@25:Jenewa',
      'switzerland@33:Swiss',
      'united-nations@59:PBB',
      'united-states@75:Amerika Serikat',
    ]);
  });

  test('Russian', () => {
    const text = 'Президент Турции Реджеп Тайип Эрдоган и президент Азербайджана Ильхам Алиев встретились в Баку.';
    expect(spans(text)).toEqual([
      'turkey@10:Турции',
      'erdogan@17:Реджеп Тайип Эрдоган',
      'azerbaijan@50:Азербайджана',
      'aliyev@63:Ильхам Алиев',
      'baku@90:Баку',
    ]);
  });

  test('Turkish', () => {
    const text = "Dışişleri Bakanı Mevlüt Çavuşoğlu, Dağlık Karabağ için Moskova'ya gitti; NATO ve Birleşmiş Milletler izliyor.";
    expect(spans(text)).toEqual([
      'cavusoglu@17:Mevlüt Çavuşoğlu',
      'nagorno-karabakh@35:Dağlık Karabağ',
      'moscow@55:Moskova',
      'nato@73:NATO',
      'united-nations@81:Birleşmiş Milletler',
    ]);
  });

  test('Azerbaijani', () => {
    const text = 'Prezident İlham Əliyev Dağlıq Qarabağ barədə danışdı. Azərbaycan və Ermənistan, Rusiya.';
    expect(spans(text)).toEqual([
      'aliyev@10:İlham Əliyev',
      'nagorno-karabakh@23:Dağlıq Qarabağ',
      'azerbaijan@54:Azərbaycan',
      'armenia@68:Ermənistan',
      'russia@80:Rusiya',
    ]);
  });
});

describe('seeds', () => {
  const idsOf = (text: string) => [...new Set(m.find(text).map((x) => x.entityId))].sort();
  const at = (text: string, needle: string, nth = 0) => {
    let i = -1;
    for (let k = 0; k <= nth; k++) i = text.indexOf(needle, i + 1);
    expect(i, needle).toBeGreaterThanOrEqual(0);
    return m.find(text).filter((x) => x.start === i).map((x) => `${x.entityId}:${text.slice(x.start, x.end)}`);
  };

  test('000: VladimirPutin, the airline in Indonesian, Grozny in Chechnya', () => {
    const t = seed('000');
    expect(at(t, 'VladimirPutin')).toEqual(['putin:VladimirPutin']);
    expect(at(t, 'Maskapai penerbangan Azerbaijan')).toEqual(['azerbaijan-airlines:Maskapai penerbangan Azerbaijan']);
    expect(at(t, 'Azerbaijan Airlines')).toEqual(['azerbaijan-airlines:Azerbaijan Airlines']);
    expect(at(t, 'Soviet')).toEqual(['soviet-union:Soviet']);
    expect(m.find(t).find((x) => x.entityId === 'soviet-union')?.weak).toBe(true);
    expect(idsOf(t)).toEqual([
      'aliyev', 'azerbaijan', 'azerbaijan-airlines', 'baku', 'chechnya', 'dushanbe', 'grozny', 'kazakhstan',
      'moscow', 'putin', 'russia', 'soviet-union', 'tajikistan', 'ukraine',
    ]);
  });

  test('001: "Baku tembak" is not Baku, MOSKWA is Moscow', () => {
    const t = seed('001');
    expect(at(t, 'Baku tembak')).toEqual([]);
    expect(at(t, 'Baku gagal')).toEqual(['baku:Baku']);
    expect(m.find(t).filter((x) => x.entityId === 'baku')).toHaveLength(1);
    expect(at(t, 'MOSKWA')).toEqual(['moscow:MOSKWA']);
    expect(at(t, 'Negeri Beruang Merah')).toEqual(['russia:Negeri Beruang Merah']);
    expect(at(t, 'Kementerian Luar Negeri Rusia')).toEqual(['russian-foreign-ministry:Kementerian Luar Negeri Rusia']);
    expect(m.find(t).filter((x) => x.entityId === 'nagorno-karabakh').map((x) => t.slice(x.start, x.end))).toEqual(
      Array(4).fill('Nagorno-Karabakh'),
    );
    expect(idsOf(t)).toEqual([
      'armenia', 'azerbaijan', 'baku', 'geneva', 'gyumri', 'kremlin', 'moscow', 'nagorno-karabakh', 'pashinyan',
      'putin', 'russia', 'russian-foreign-ministry', 'soviet-union', 'switzerland', 'turkey', 'yerevan', 'zakharova',
    ]);
  });

  test('002: the BAKU dateline, Karabakh alone, the Indian Ocean in Indonesian', () => {
    const t = seed('002');
    expect(at(t, 'Putin')).toEqual(['putin:Putin']);
    expect(at(t, 'BAKU')).toEqual(['baku:BAKU']);
    expect(at(t, 'Karabakh')).toEqual(['nagorno-karabakh:Karabakh']);
    expect(at(t, 'Samudera Hindia')).toEqual(['indian-ocean:Samudera Hindia']);
    expect(at(t, 'Zardusht Alizade')).toEqual(['alizade:Zardusht Alizade']);
    expect(idsOf(t)).toEqual([
      'aliyev', 'alizade', 'armenia', 'azerbaijan', 'baku', 'indian-ocean', 'iran', 'moscow', 'nagorno-karabakh',
      'putin', 'russia', 'south-caucasus', 'soviet-union', 'ukraine',
    ]);
  });

  test('003: full names, demonyms, the English caption', () => {
    const t = seed('003');
    expect(at(t, 'Russian President')).toEqual(['russia:Russian']);
    expect(at(t, 'Recep Tayyip Erdogan talk')).toEqual(['erdogan:Recep Tayyip Erdogan']);
    expect(at(t, 'Black Sea')).toEqual(['black-sea:Black Sea']);
    expect(at(t, 'Mevlut Cavusoglu')).toEqual(['cavusoglu:Mevlut Cavusoglu']);
    expect(at(t, 'Rusia-Turki')).toEqual(['russia:Rusia']);
    expect(idsOf(t)).toEqual([
      'black-sea', 'bocharov-ruchei', 'cavusoglu', 'erdogan', 'kremlin', 'moscow', 'nato', 'putin', 'russia',
      'sochi', 'soviet-union', 'turkey', 'ukraine',
    ]);
  });

  test('004: AS is the United States, PBB the United Nations, Murahtin is Murakhtin', () => {
    const t = seed('004');
    expect(at(t, 'AS.')).toEqual(['united-states:AS']);
    expect(m.find(t).filter((x) => t.slice(x.start, x.end) === 'AS')).toHaveLength(3);
    expect(at(t, 'PBB')).toEqual(['united-nations:PBB']);
    expect(at(t, 'Konstantin Murahtin')).toEqual(['murakhtin:Konstantin Murahtin']);
    expect(at(t, 'Negara Islam')).toEqual(['isis:Negara Islam Irak dan Suriah']);
    expect(at(t, 'Francois Hollande')).toEqual(['hollande:Francois Hollande']);
    expect(at(t, 'MOSKOW')).toEqual(['moscow:MOSKOW']);
    expect(idsOf(t)).toEqual([
      'france', 'hollande', 'isis', 'kremlin', 'moscow', 'murakhtin', 'putin', 'russia', 'turkey',
      'united-nations', 'united-states',
    ]);
  });

  test('agencies and publishers are not entities', () => {
    for (const t of Object.values(seeds)) {
      const names = m.find(t).map((x) => t.slice(x.start, x.end));
      for (const meta of ['Kompas', 'KOMPAS', 'AFP', 'AP', 'Reuters', 'Solopos', 'Sputnik']) expect(names).not.toContain(meta);
    }
  });
});

describe('properties', () => {
  // What a mention of each entity may look like once folded: every alias word
  // (its stem, plus up to 3 letters of ending for Cyrillic words), separated by
  // whitespace or by nothing at all (glued names, "VladimirPutin").
  const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const shapes = new Map(
    g.entities.map((e) => [
      e.id,
      [...e.aliases, ...(e.weak ?? []), ...(e.exact ?? []).map(fold)].map(
        (a) =>
          new RegExp(
            '^' +
              a
                .split(' ')
                .map((w) => {
                  const inf = inflection(w);
                  return inf ? esc(inf.stem) + '[\\p{L}]{0,3}' : esc(w);
                })
                .join('\\s*') +
              '$',
            'u',
          ),
      ),
    ]),
  );

  function checkInvariants(text: string): void {
    let last = 0;
    for (const x of m.find(text)) {
      expect(x.start).toBeGreaterThanOrEqual(last);
      expect(x.end).toBeGreaterThan(x.start);
      expect(x.end).toBeLessThanOrEqual(text.length);
      last = x.end;
      const w = (i: number) => i >= 0 && i < text.length && isWordChar(text.charCodeAt(i));
      expect(w(x.start - 1) && w(x.start), 'starts inside a word').toBe(false);
      expect(w(x.end - 1) && w(x.end), 'ends inside a word').toBe(false);
      expect(isLowerChar(text.charCodeAt(x.start)), 'starts lower-case').toBe(false);
      // Marks of decomposed letters (NFD) are skipped by the matcher: drop them here too.
      const slice = fold(text.slice(x.start, x.end)).replace(/[\u0300-\u036f]/g, '');
      expect(shapes.get(x.entityId)!.some((r) => r.test(slice)), `${x.entityId}: ${slice}`).toBe(true);
    }
  }

  // Names with the entity they must be found as, exactly.
  const NAMES: Array<[string, string]> = [
    ['Putin', 'putin'], ['Vladimir Putin', 'putin'], ['VladimirPutin', 'putin'], ['Путина', 'putin'],
    ['Recep Tayyip Erdoğan', 'erdogan'], ['ERDOGAN', 'erdogan'], ['Çavuşoğlu', 'cavusoglu'],
    ['İlham Əliyev', 'aliyev'], ['Nagorno-Karabakh', 'nagorno-karabakh'], ['Нагорном Карабахе', 'nagorno-karabakh'],
    ['Rusya', 'russia'], ['России', 'russia'], ['Moskwa', 'moscow'], ['Москвы', 'moscow'], ['Baku', 'baku'],
    ['Bakı', 'baku'], ['AS', 'united-states'], ['Amerika Serikat', 'united-states'], ['PBB', 'united-nations'],
    ['Kremlin', 'kremlin'], ['Кремля', 'kremlin'], ['Murahtin', 'murakhtin'], ['Jenewa', 'geneva'],
  ];
  const FILLER = ['dan', 'yang', 'the', 'and', 'и', 'в', 'ile', 've', 'bir', 'о', 'ketika', 'ölkə', 'şey', 'ещё', '2024'];
  const SEPS = [' ', ', ', '. ', '\n', ' (', ') ', ' — ', ' «', '» ', '\u00a0', ' "', '" '];

  test('names spliced into random text are found exactly where they are', () => {
    const piece = fc.oneof(
      fc.record({ name: fc.constantFrom(...NAMES) }),
      fc.record({ filler: fc.constantFrom(...FILLER) }),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(piece, fc.constantFrom(...SEPS)), { maxLength: 25 }), (pieces) => {
        let text = '';
        const expected: string[] = [];
        for (const [p, sep] of pieces) {
          if ('name' in p) expected.push(`${p.name[1]}@${text.length}:${p.name[0]}`);
          text += ('name' in p ? p.name[0] : p.filler) + sep;
        }
        expect(spans(text).map((s) => s.replace('(w)', ''))).toEqual(expected);
        checkInvariants(text);
      }),
      { numRuns: 400 },
    );
  });

  test('on arbitrary text, mentions are ordered, inside word boundaries and slice out an alias', () => {
    const chars = fc.constantFrom(
      ...'aAbBkKpPuUtTiInNsSrRğĞıİşŞçÇöÖüÜəƏеЕпПуУтТиИнНаАрРоОсС \'’-.,\n\u0306'.split(''),
      'Putin', 'Путин', 'Baku', 'Rusia', 'Erdoğan', 'AS', 'Kremlin', 'Vladimir ', ' tembak',
    );
    fc.assert(
      fc.property(fc.oneof(fc.array(chars, { maxLength: 60 }).map((a) => a.join('')), fc.string({ unit: 'binary' })), (text) => {
        checkInvariants(text);
      }),
      { numRuns: 1500 },
    );
  });
});

describe('a lazy trie (the content script\'s)', () => {
  const kb = loadKnowledgeBase();
  const seedTexts = readdirSync('seeds').filter((f) => f.endsWith('.txt')).map((f) => readFileSync(`seeds/${f}`, 'utf8'));

  test('finds exactly what the eager trie finds, with and without Azerbaijani endings', () => {
    // subsetGazetteer ships the first letters (firsts); the others have them worked out.
    const lit = subsetGazetteer(kb, kb.entities.filter((_, i) => i % 3 === 0).map((e) => e.id));
    expect(lit.firsts?.length).toBeGreaterThan(20);
    for (const gazetteer of [g, kb, lit]) {
      for (const endingsOnNames of [false, true]) {
        const eager = createMatcher(gazetteer, { endingsOnNames });
        const lazy = createMatcher(gazetteer, { endingsOnNames, lazy: true });
        for (const text of seedTexts) expect(lazy.find(text)).toEqual(eager.find(text));
      }
    }
    const eager = createMatcher(kb);
    const chars = fc.constantFrom(
      ...'aAbBkKpPuUtTiInNsSrRğĞıİşŞçÇöÖüÜəƏеЕпПуУтТиИнНаАрРоОсС \'’-.,\n'.split(''),
      'Putin', 'Путина', 'Baku', 'Rusia', 'Erdoğan', 'AS', 'Kremlin', 'Vladimir ', ' tembak', 'Chile', 'Москве', 'NATO',
    );
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 60 }).map((a) => a.join('')), (text) => {
        // A fresh lazy trie each time: the letters a text reaches first are the ones built.
        expect(createMatcher(kb, { lazy: true }).find(text)).toEqual(eager.find(text));
      }),
      { numRuns: 300 },
    );
  });
});

describe('first letters', () => {
  test('list, under each folded first letter, every entity with an alias that starts with it, once, in order', () => {
    const kb = loadKnowledgeBase();
    const rows = firstLetters(kb.entities);
    expect(rows.map((r) => r[0])).toEqual([...new Set(rows.map((r) => r[0]))].sort((a, b) => a! - b!));
    const expected = new Map<number, Set<number>>();
    kb.entities.forEach((e, i) => {
      for (const a of [...e.aliases, ...(e.weak ?? []), ...(e.exact ?? []).map(fold)]) {
        if (!expected.has(a.charCodeAt(0))) expected.set(a.charCodeAt(0), new Set());
        expected.get(a.charCodeAt(0))!.add(i);
      }
    });
    for (const [code, ...ids] of rows) expect(ids).toEqual([...expected.get(code!)!].sort((a, b) => a - b));
    expect(rows.length).toBe(expected.size);
  });
});

describe('where names can start', () => {
  test('the gazetteer ships the exact ranges: every code unit not lower-case whose fold begins an alias', () => {
    const firsts = new Set(g.entities.flatMap((e) => [...e.aliases, ...(e.weak ?? []), ...(e.exact ?? []).map(fold)].map((a) => a.charCodeAt(0))));
    const inRanges = new Uint8Array(0x10000);
    const r = absoluteRanges(g.starts!);
    for (let k = 0; k < r.length; k += 2) {
      expect(r[k]!).toBeLessThanOrEqual(r[k + 1]!);
      if (k > 0) expect(r[k]!, 'ranges in order, apart').toBeGreaterThan(r[k - 1]! + 1);
      inRanges.fill(1, r[k]!, r[k + 1]! + 1);
    }
    const wrong: string[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      const start = !isLowerChar(c) && firsts.has(foldCode(c));
      if (start !== (inRanges[c] === 1)) wrong.push(c.toString(16));
    }
    expect(wrong).toEqual([]);
    expect(startRanges(g.entities)).toEqual(g.starts);
  });

  test('capitals of every script the names are in start one; lower-case letters among them do not', () => {
    // Ē, Ə and İ are capitals in Latin Extended, among lower-case letters that
    // the search's coarse class lets through (ē, ğ): the exact table turns those away.
    expect(spans('Ērdoğan, Əliyev, İlham Əliyev, ВЛАДИМИР ПУТИН, Փաշինյան')).toEqual([
      'erdogan@0:Ērdoğan',
      'aliyev@9:Əliyev',
      'aliyev@17:İlham Əliyev',
      'putin@31:ВЛАДИМИР ПУТИН',
      'pashinyan@47:Փաշինյան',
    ]);
    expect(spans('ērdoğan ğerdogan əliyev ılham владимир փաշինյան')).toEqual([]);
  });

  test("the gazetteer's ranges decide: with none, nothing starts a name", () => {
    expect(createMatcher({ ...g, starts: [] }).find('Vladimir Putin in Baku')).toEqual([]);
    expect(createMatcher({ ...g, starts: undefined }).find('Vladimir Putin in Baku')).toHaveLength(2);
  });
});

describe('the matcher object', () => {
  test('looks entities up by id and lists them', () => {
    expect(m.entity('putin')?.name).toBe('Vladimir Putin');
    expect(m.entity('nobody')).toBeUndefined();
    expect(m.entities).toBe(g.entities);
  });

  test('calls are independent and return fresh arrays', () => {
    expect(m.find('')).toEqual([]);
    const a = m.find('Putin');
    a.push({ entityId: 'x', start: 0, end: 1 });
    expect(m.find('Putin')).toEqual([{ entityId: 'putin', start: 0, end: 5 }]);
  });

  test('refuses a gazetteer compiled in another version, saying what to do', () => {
    expect(() => createMatcher({ ...g, version: g.version + 1 })).toThrow(/compiled gazetteer version 2, expected 1: rebuild the extension/);
    expect(() => createMatcher({ ...g, version: undefined as unknown as number })).toThrow(/version undefined, expected 1/);
  });

  test('works on a hand-made gazetteer, and refuses one where stems collide', () => {
    const tiny: CompiledGazetteer = {
      version: 1,
      entities: [
        { id: 'a', type: 'place', name: 'A', description: 'a', aliases: ['ab', 'ab cd'], exact: ['XY'] },
        { id: 'b', type: 'place', name: 'B', description: 'b', aliases: ['москва'], weak: ['bee'] },
      ],
    };
    const t = createMatcher(tiny);
    expect(spans('Ab cde, Ab cd, XY, Xy, Bee, Москве', t)).toEqual([
      'a@0:Ab',
      'a@8:Ab cd',
      'a@15:XY',
      'b(w)@23:Bee',
      'b@28:Москве',
    ]);
    tiny.entities[0]!.aliases.push('москвы');
    expect(() => createMatcher(tiny)).toThrow(/"москва" of "b".*"a"/);
  });
});

describe('Azerbaijani endings on names (a page in Azerbaijani)', () => {
  const az = createMatcher(g, { endingsOnNames: true });

  test('case endings without an apostrophe: the mention covers the whole word', () => {
    const text = 'Prezident İlham Əliyevin Bakıda Rusiyanın səfiri ilə görüşü; Azərbaycandakı seçkilər, Ərdoğana məktub, Putinlə danışıq.';
    expect(spans(text, az)).toEqual([
      'aliyev@10:İlham Əliyevin',
      'baku@25:Bakıda',
      'russia@32:Rusiyanın',
      'azerbaijan@61:Azərbaycandakı',
      'erdogan@86:Ərdoğana',
      'putin@103:Putinlə',
    ]);
  });

  test('an ending must follow vowel harmony: Bakunin is not Baku, Putina is not Putin', () => {
    expect(spans('Bakunin, Putina, Bakunun', az)).toEqual(['baku@17:Bakunun']);
  });

  test('words that only begin with a name stay unflagged, and without the option nothing changes', () => {
    expect(spans('Putinizm, Bakılılar', az)).toEqual([]);
    expect(spans('Əliyevin Bakıda', m)).toEqual([]);
  });
});

describe('writesEndingsOnNames', () => {
  test('Azerbaijani pages only', () => {
    expect(['az', 'AZ', 'az-Latn-AZ', 'az-AZ'].map(writesEndingsOnNames)).toEqual([true, true, true, true]);
    expect(['tr', 'en', '', 'aze', 'id'].map(writesEndingsOnNames)).toEqual([false, false, false, false, false]);
  });
});

describe('textLooksAzerbaijani', () => {
  test('Azerbaijani text, by its ə', () => {
    const az =
      'Prezident İlham Əliyevin Rusiya Prezidenti Vladimir Putinlə telefon danışığında Bakının mövqeyi bildirilib. ' +
      'Azərbaycandakı hadisələr Ermənistanla sülh danışıqlarına təsir etməyib.';
    expect(textLooksAzerbaijani(az)).toBe(true);
  });

  test('not Turkish, nor an English article that quotes Azerbaijani names, nor a title alone', () => {
    expect(textLooksAzerbaijani("Cumhurbaşkanı Erdoğan, Aliyev ile Bakü'de görüştü; iki lider ortak açıklama yaptı.")).toBe(false);
    const english =
      'President Ilham Aliyev, written Əliyev in Azerbaijani, met Vladimir Putin in Moscow on Tuesday. ' +
      'The two leaders discussed the peace talks with Armenia, trade, and the transit corridor through the region. ' +
      'Əliyev said the talks were constructive; the Kremlin called them frank. Mehriban Əliyeva joined the dinner.';
    expect(textLooksAzerbaijani(english)).toBe(false);
    expect(textLooksAzerbaijani('Əliyev Bakıda')).toBe(false);
  });
});
