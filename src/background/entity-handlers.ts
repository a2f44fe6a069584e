// The entity page's message: one entity, how it is written in each language,
// and every library article naming it with the sentence that names it. The
// page does the rest (timeline, co-mentions, chart, filters) in its view model.
import type { Library } from '../core/library';
import type { EntityNames } from '../core/entity-names';
import type { Matcher } from '../core/matcher';
import type { LibraryArticle, LibraryEntry } from '../core/types';
import type { EntityArticle } from '../shared/messages';
import { summaryOf, type Handlers } from './handlers';
import { entitySnippet } from './views';

export interface EntityServices {
  matcher: Matcher;
  library(): Promise<Library>;
  entityNames(): Promise<EntityNames>;
}

/** The other entities an article names, most mentioned first (names before demonyms), then by id. */
export function otherEntities(article: LibraryEntry, entityId: string): string[] {
  return Object.entries(article.entities)
    .filter(([id]) => id !== entityId)
    .sort(([a, x], [b, y]) => y.count - x.count || y.weakCount - x.weakCount || (a < b ? -1 : 1))
    .map(([id]) => id);
}

export function toEntityArticle(article: LibraryArticle, entityId: string, matcher: Matcher): EntityArticle {
  return {
    ...summaryOf(article),
    lang: article.lang,
    snippet: entitySnippet(article, entityId, matcher),
    entities: otherEntities(article, entityId),
  };
}

export function createEntityHandlers({ matcher, library, entityNames }: EntityServices): Pick<Handlers, 'entity'> {
  return {
    async entity({ id }) {
      const entity = matcher.entity(id);
      if (!entity) return null;
      const [lib, names] = await Promise.all([library(), entityNames()]);
      return {
        entity: { id: entity.id, name: entity.name, type: entity.type, description: entity.description },
        names: names.of(id) ?? {},
        // Each with the sentence that names the entity: their texts are read together.
        articles: (await lib.articlesWithText(lib.withEntity(id).map((a) => a.id))).map((a) => toEntityArticle(a, id, matcher)),
      };
    },
  };
}
