import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findTermRanges, mergeRanges, sentenceAround, snippet } from '../../src/core/snippet';

const marked = (s: { text: string; marks: Array<[number, number]> }) => s.marks.map(([a, b]) => s.text.slice(a, b));

describe('sentenceAround', () => {
  const text = 'Putin tiba di Baku. Ia bertemu Aliyev! Lalu N. Pashinyan menelepon? Ya.\nBaris baru.';

  it('finds the sentence that holds the offset', () => {
    expect(sentenceAround(text, text.indexOf('Aliyev')).text).toBe('Ia bertemu Aliyev!');
    expect(sentenceAround(text, 0).text).toBe('Putin tiba di Baku.');
    expect(sentenceAround(text, text.indexOf('Baris')).text).toBe('Baris baru.');
  });

  it('does not end a sentence at an abbreviation or an initial', () => {
    expect(sentenceAround(text, text.indexOf('Pashinyan')).text).toBe('Lalu N. Pashinyan menelepon?');
    expect(sentenceAround('Kata Dr. Budi di Jl. Sudirman. Selesai.', 5).text).toBe('Kata Dr. Budi di Jl. Sudirman.');
  });

  it('ends a sentence after closing quotes', () => {
    const t = '“Kami siap,” kata Putin. “Namun tidak.” Ia pergi.';
    expect(sentenceAround(t, t.indexOf('Ia')).text).toBe('Ia pergi.');
  });

  it('clamps offsets outside the text', () => {
    expect(sentenceAround(text, -5).start).toBe(0);
    expect(sentenceAround(text, 10_000).text).toBe('Baris baru.');
  });
});

describe('findTermRanges', () => {
  it('matches words folded, whole or by prefix', () => {
    const t = 'Presiden Erdoğan dan PM Pashinyan; ERDOGAN lagi.';
    expect(findTermRanges(t, ['erdogan']).map(([a, b]) => t.slice(a, b))).toEqual(['Erdoğan', 'ERDOGAN']);
    expect(findTermRanges(t, ['Pashin']).map(([a, b]) => t.slice(a, b))).toEqual(['Pashinyan']);
  });

  it('does not let a short term match every word that starts with it', () => {
    expect(findTermRanges('AS dan asal Asia', ['as'])).toEqual([[0, 2]]);
  });
});

describe('mergeRanges', () => {
  it('sorts, merges overlaps and drops empty ranges', () => {
    expect(
      mergeRanges([
        [10, 12],
        [0, 3],
        [2, 5],
        [7, 7],
      ]),
    ).toEqual([
      [0, 5],
      [10, 12],
    ]);
  });
});

describe('snippet', () => {
  const para =
    'Sikap itu disampaikan setelah Perdana Menteri Nikol Pashinyan meminta bantuan. Putin menjawab. Pashinyan lalu menulis surat.';

  it('returns the sentence around the first match with every match in it marked', () => {
    const s = snippet(para, ['pashinyan']);
    expect(s.text).toBe('Sikap itu disampaikan setelah Perdana Menteri Nikol Pashinyan meminta bantuan.');
    expect(marked(s)).toEqual(['Pashinyan']);
  });

  it('takes ranges as well as terms', () => {
    const at = para.indexOf('Putin');
    const s = snippet(para, [[at, at + 5]]);
    expect(s.text).toBe('Putin menjawab.');
    expect(s.marks).toEqual([[0, 5]]);
  });

  it('cuts a long sentence around the match at word boundaries, with ellipses', () => {
    const long = `${'kata '.repeat(60)}Dushanbe ${'lagi '.repeat(60)}selesai.`;
    const s = snippet(long, ['dushanbe'], 80);
    expect(s.text.length).toBeLessThanOrEqual(82);
    expect(s.text.startsWith('…kata')).toBe(true);
    expect(s.text.endsWith('lagi…')).toBe(true);
    expect(marked(s)).toEqual(['Dushanbe']);
  });

  it('gives the opening sentence and no marks when nothing matches', () => {
    expect(snippet(para, ['erdogan'])).toEqual({ text: 'Sikap itu disampaikan setelah Perdana Menteri Nikol Pashinyan meminta bantuan.', marks: [] });
    expect(snippet('', ['x'])).toEqual({ text: '', marks: [] });
  });

  it('always marks exactly the matched text, inside the snippet and within maxLen', () => {
    const word = fc.constantFrom('Putin', 'Rusia', 'dan', 'Baku.', 'Erdoğan', 'kata', 'PM.', '“Ya,”', 'x');
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 120 }), fc.integer({ min: 20, max: 200 }), (words, maxLen) => {
        const text = words.join(' ');
        const s = snippet(text, ['putin', 'erdogan'], maxLen);
        expect(s.text.length).toBeLessThanOrEqual(maxLen + 2);
        for (const [a, b] of s.marks) {
          expect(a).toBeGreaterThanOrEqual(0);
          expect(b).toBeLessThanOrEqual(s.text.length);
          expect(['putin', 'erdogan']).toContain(
            s.text
              .slice(a, b)
              .normalize('NFD')
              .replace(/\p{M}/gu, '')
              .toLowerCase(),
          );
        }
      }),
    );
  });
});
