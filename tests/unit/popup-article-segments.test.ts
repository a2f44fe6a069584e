import { describe, expect, it } from 'vitest';
import type { Mention } from '../../src/core/types';
import { bodyMentions } from '../../src/pages/article/body-mentions';
import { segments } from '../../src/pages/article/segments';

const text = 'Putin met Aliyev in Baku.';
const at = (entityId: string, word: string, weak?: boolean): Mention => {
  const start = text.indexOf(word);
  return weak ? { entityId, start, end: start + word.length, weak } : { entityId, start, end: start + word.length };
};

describe('segments', () => {
  it('cuts the text at the mentions and loses no character', () => {
    const parts = segments(text, [at('putin', 'Putin'), at('baku', 'Baku'), at('aliyev', 'Aliyev')]);
    expect(parts).toEqual([
      { text: 'Putin', entityId: 'putin' },
      { text: ' met ' },
      { text: 'Aliyev', entityId: 'aliyev' },
      { text: ' in ' },
      { text: 'Baku', entityId: 'baku' },
      { text: '.' },
    ]);
    expect(parts.map((p) => p.text).join('')).toBe(text);
  });

  it('marks weak mentions and skips overlapping or out-of-range ones', () => {
    const parts = segments(text, [at('putin', 'Putin', true), { entityId: 'x', start: 2, end: 8 }, { entityId: 'y', start: 20, end: 99 }]);
    expect(parts).toEqual([{ text: 'Putin', entityId: 'putin', weak: true }, { text: ' met Aliyev in Baku.' }]);
  });

  it('returns the plain text when nothing is mentioned', () => {
    expect(segments(text, [])).toEqual([{ text }]);
    expect(segments('', [])).toEqual([]);
  });
});

describe('bodyMentions', () => {
  const find = (s: string): Mention[] =>
    [...s.matchAll(/Putin|Baku|Russian/g)].map((m) => ({
      entityId: m[0] === 'Russian' ? 'russia' : m[0].toLowerCase(),
      start: m.index,
      end: m.index + m[0].length,
      ...(m[0] === 'Russian' ? { weak: true } : {}),
    }));

  it('finds mentions per block and ranks entities by mentions, names over demonyms', () => {
    const found = bodyMentions(['Putin in Baku.', 'Baku again, Russian Baku.', 'Putin.'], find, ['kremlin']);
    expect(found.blocks.map((b) => b.map((m) => m.entityId))).toEqual([['putin', 'baku'], ['baku', 'russia', 'baku'], ['putin']]);
    // Entities the article names only in its title (known, not in the body) come last.
    expect(found.ranked).toEqual(['baku', 'putin', 'russia', 'kremlin']);
  });
});
