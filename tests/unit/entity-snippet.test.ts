// The sentence a related list, a card or the entity page shows for an article
// (src/background/views.ts): the body's first sentence that names the entity.
import { describe, expect, it } from 'vitest';
import { entitySnippet } from '../../src/background/views';
import { createMatcher } from '../../src/core/matcher';
import type { LibraryArticle } from '../../src/core/types';
import { FAKE_ENTITIES } from './helpers/fake-matcher';
import { GAZETTEER_VERSION } from '../../src/core/types';
import { startRanges } from '../../src/core/start-ranges';

const matcher = createMatcher({ version: GAZETTEER_VERSION, entities: FAKE_ENTITIES, starts: startRanges(FAKE_ENTITIES) });

function article(title: string, lead: string, paragraphs: string[]): LibraryArticle {
  return { id: 'a', title, lead, paragraphs, source: 'Example', date: '2026-01-01', lang: 'en', entities: {} } as unknown as LibraryArticle;
}

const marked = (s: { text: string; marks: Array<[number, number]> }) => s.marks.map(([a, b]) => s.text.slice(a, b));

describe('entitySnippet', () => {
  it('shows the first body sentence naming the entity, with its mentions there emphasised', () => {
    const a = article('Putin and Erdogan meet', 'The two leaders met in Sochi.', [
      'Turkey wants a deal. Erdogan arrived first.',
      'Later, Vladimir Putin spoke. Putin said little.',
    ]);
    const s = entitySnippet(a, 'putin', matcher);
    expect(s.text).toBe('Later, Vladimir Putin spoke.');
    expect(marked(s)).toEqual(['Vladimir Putin']);
    const e = entitySnippet(a, 'erdogan', matcher);
    expect(e.text).toBe('Erdogan arrived first.');
    expect(marked(e)).toEqual(['Erdogan']);
  });

  it('takes the lead when it names the entity', () => {
    const a = article('A summit', 'Putin met Erdogan in Dushanbe on Monday.', ['Erdogan left.']);
    expect(entitySnippet(a, 'erdogan', matcher).text).toBe('Putin met Erdogan in Dushanbe on Monday.');
  });

  it('falls back on the title when only the title names it', () => {
    const a = article('Russia answers', 'A statement came late.', ['Nobody else spoke.']);
    const s = entitySnippet(a, 'russia', matcher);
    expect(s.text).toBe('Russia answers');
    expect(marked(s)).toEqual(['Russia']);
  });
});
