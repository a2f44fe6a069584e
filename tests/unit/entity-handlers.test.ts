// The entity page's message over the real seeds and gazetteer: every article
// naming the entity, with the sentence naming it and the others it names.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEntityHandlers, otherEntities } from '../../src/background/entity-handlers';
import { entityNamesFile } from '../../src/build/entity-names';
import { gazetteerSource, loadGazetteer } from '../../src/build/gazetteer';
import { buildLibraryFromSeeds } from '../../src/build/library-build';
import { loadEntityNames } from '../../src/core/entity-names';
import { createMatcher } from '../../src/core/matcher';

const matcher = createMatcher(loadGazetteer());
const { library } = buildLibraryFromSeeds(resolve(import.meta.dirname, '../../seeds'), matcher);
const names = loadEntityNames(entityNamesFile(gazetteerSource()));
const handlers = createEntityHandlers({ matcher, library: async () => library, entityNames: async () => names });
const ctx = { tabId: undefined, frameId: 0 };

describe('the entity message', () => {
  it('gives Aliyev, his spellings and the two articles naming him, each with a sentence that names him', async () => {
    const data = await handlers.entity({ id: 'aliyev' }, ctx);
    expect(data?.entity).toEqual({ id: 'aliyev', name: 'Ilham Aliyev', type: 'person', description: 'President of Azerbaijan since 2003.' });
    expect(data?.names.az).toEqual([{ text: 'İlham Əliyev' }, { text: 'Əliyev' }]);
    expect(data?.articles.map((a) => a.id).sort()).toEqual(['000_4031a0fc8753c09b', '002_77b0af51f9a38730']);
    for (const a of data!.articles) {
      expect(a.saved).toBe(false);
      expect(a.lang).toBe('id');
      expect(a.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(a.entities).not.toContain('aliyev');
      expect(a.entities).toContain('putin');
      const marked = a.snippet.marks.map(([s, e]) => a.snippet.text.slice(s, e));
      expect(marked.length).toBeGreaterThan(0);
      expect(marked.every((m) => /Aliyev/i.test(m))).toBe(true);
    }
  });

  it('says null for an id the gazetteer does not know', async () => {
    expect(await handlers.entity({ id: 'nobody' }, ctx)).toBeNull();
  });

  it('lists the other entities of an article most mentioned first', () => {
    const article = library.get('003_0c0ee4c7a4371c12')!;
    const others = otherEntities(article, 'putin');
    expect(others).not.toContain('putin');
    expect(others.length).toBe(Object.keys(article.entities).length - 1);
    const count = (id: string) => article.entities[id]!.count;
    for (let i = 1; i < others.length; i++) expect(count(others[i - 1]!)).toBeGreaterThanOrEqual(count(others[i]!));
  });
});
