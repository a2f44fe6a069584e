import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { fold, foldCode, isLowerChar, isWordChar } from '../../src/core/fold';

// Characters that exercise every branch of the folding: Turkish and
// Azerbaijani letters, Cyrillic (й must survive, ё must not), length-changing
// lower-casing (İ), typographic apostrophes and hyphens, combining marks, astral.
const TRICKY = [...'İIıiĞğŞşÇçÖöÜüƏəЁёЙйЇїßẞÅøŁłđ’‘ʼ‐‑\u00a0\u0301\u0306éÉ😀𝐀Ωﬁがᄀ가'];
const tricky = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.array(fc.constantFrom(...TRICKY, 'a', 'Z', ' ', 'Путин'), { maxLength: 30 }).map((a) => a.join('')),
);

describe('fold', () => {
  test('folds case and diacritics of the names we care about', () => {
    expect(fold('Recep Tayyip Erdoğan')).toBe('recep tayyip erdogan');
    expect(fold('Mevlüt Çavuşoğlu')).toBe('mevlut cavusoglu');
    expect(fold('İlham Əliyev')).toBe('ilham eliyev');
    expect(fold('Dağlıq Qarabağ')).toBe('dagliq qarabag');
    expect(fold('François Hollande, Genève')).toBe('francois hollande, geneve');
    expect(fold('Чёрное море, ЁЛКА')).toBe('черное море, елка');
    // ї loses its diaeresis like any other letter: "Україна" and "Украіна" are one name.
    expect(fold('Україна, Її')).toBe('украіна, іі');
    expect(fold('ŁÓDŹ Øresund')).toBe('lodz oresund');
  });

  test('keeps й, a letter of its own in Russian', () => {
    expect(fold('Грозный ЙОД')).toBe('грозный йод');
  });

  test('makes typographic apostrophes, hyphens and spaces plain', () => {
    expect(fold('Erdoğan’ın')).toBe("erdogan'in");
    expect(fold('Nagorno\u2011Karabakh')).toBe('nagorno-karabakh');
    expect(fold('Vladimir\u00a0Putin')).toBe('vladimir putin');
  });

  test('keeps the length when toLowerCase does not (İ → i̇)', () => {
    const s = 'İSTANBUL İzmir';
    expect('İ'.toLowerCase().length).toBe(2); // the reason for the slow path
    expect(fold(s)).toBe('istanbul izmir');
    expect(fold(s).length).toBe(s.length);
  });

  test('leaves ß, standalone combining marks, emoji and kana alone', () => {
    expect(fold('Straße')).toBe('straße');
    expect(fold('Erdog\u0306an')).toBe('erdog\u0306an');
    expect(fold('😀 が')).toBe('😀 が');
  });

  test('property: same length, and equal to folding one code unit at a time', () => {
    fc.assert(
      fc.property(tricky, (s) => {
        const f = fold(s);
        expect(f.length).toBe(s.length);
        for (let i = 0; i < s.length; i++) expect(f.charCodeAt(i)).toBe(foldCode(s.charCodeAt(i)));
      }),
      { numRuns: 500 },
    );
  });

  test('property: folding twice changes nothing', () => {
    fc.assert(
      fc.property(tricky, (s) => {
        expect(fold(fold(s))).toBe(fold(s));
      }),
      { numRuns: 500 },
    );
  });
});

describe('character classes', () => {
  const word = (s: string) => [...s].map((ch) => isWordChar(ch.charCodeAt(0)));

  test('letters of every script, marks and digits are word characters', () => {
    expect(word('aZğıİəЖжՓ7\u0301')).toEqual(Array(11).fill(true));
  });

  test('spaces, punctuation and apostrophes are not', () => {
    expect(word(" \u00a0'’-–.,()«»“")).toEqual(Array(13).fill(false));
  });

  test('the ranges classified without a regex agree with Unicode', () => {
    const re = /[\p{L}\p{M}\p{N}]/u;
    const wrong: string[] = [];
    for (let c = 0; c < 0x2100; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      if (isWordChar(c) !== re.test(String.fromCharCode(c))) wrong.push(c.toString(16));
    }
    expect(wrong).toEqual([]);
  });

  test('lower case is known for Latin, Turkish and Cyrillic letters', () => {
    expect([...'aşıжə'].every((c) => isLowerChar(c.charCodeAt(0)))).toBe(true);
    expect([...'AŞIİЖƏ7'].some((c) => isLowerChar(c.charCodeAt(0)))).toBe(false);
  });
});
