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

function article(title: string, lead: string, paragraphs: string[], entities: Record<string, { first: number }> = {}): LibraryArticle {
  return { id: 'a', title, lead, paragraphs, source: 'Example', date: '2026-01-01', lang: 'en', entities } as unknown as LibraryArticle;
}

/** A matcher that counts the texts it is given. */
function counting(): { find: typeof matcher.find; texts: string[]; entity: typeof matcher.entity; entities: typeof matcher.entities } {
  const texts: string[] = [];
  return { find: (t) => (texts.push(t), matcher.find(t)), texts, entity: matcher.entity, entities: matcher.entities };
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

  it('matches only the paragraph where the profile says the entity is first named', () => {
    const paragraphs = ['Turkey wants a deal.', 'Markets were calm.', 'Later, Putin spoke.'];
    const title = 'A summit';
    const lead = 'The leaders met.';
    const first = [title, lead, ...paragraphs].join('\n\n').indexOf('Putin');
    const m = counting();
    const s = entitySnippet(article(title, lead, paragraphs, { putin: { first } }), 'putin', m);
    expect(s.text).toBe('Later, Putin spoke.');
    expect(m.texts).toEqual(['Later, Putin spoke.']);
  });

  it('matches the paragraphs in turn when the profile\'s offset is in the title or no longer fits the text', () => {
    const a = article('Putin answers', 'A statement came late.', ['Nobody spoke.', 'Then Putin spoke.'], { putin: { first: 0 } });
    expect(entitySnippet(a, 'putin', matcher).text).toBe('Then Putin spoke.');
    const stale = article('A summit', 'The leaders met.', ['Then Putin spoke.'], { putin: { first: 20 } });
    expect(entitySnippet(stale, 'putin', matcher).text).toBe('Then Putin spoke.');
    const past = article('A summit', 'The leaders met.', ['Then Putin spoke.'], { putin: { first: 9999 } });
    expect(entitySnippet(past, 'putin', matcher).text).toBe('Then Putin spoke.');
  });
});
