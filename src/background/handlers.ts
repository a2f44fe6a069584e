// One handler per message type. Each receives an already validated payload and
// the sender's tab, and returns the typed response.
import type { Library } from '../core/library';
import type { Matcher } from '../core/matcher';
import { hasEvidence, rankByEntities, rankForEntity, type Ranked } from '../core/ranking';
import { isSavedArticle } from '../core/saved-article';
import type { CompiledGazetteer, LibraryArticle } from '../core/types';
import { pagePath, type ArticleSummary, type MessageType, type PageEntity, type RelatedArticle, type RequestOf, type ResponseOf, type TabState } from '../shared/messages';
import type { HandlerContext, HandlersFor } from './handler-types';
import { createLibraryHandlers, type LibraryServices } from './library-handlers';
import { entitySnippet, profileAsPage } from './views';


export interface Services extends LibraryServices {
  matcher: Matcher;
  library(): Promise<Library>;
  getTabState(tabId: number): Promise<TabState | null>;
  /** Stores one frame's report and returns the tab's merged state. */
  mergeFrame(tabId: number, frameId: number, report: RequestOf<'page/entities'>): Promise<TabState>;
  /** The gazetteer of the names the pages light, published to storage.local (lit-publisher.ts). */
  litGazetteer(): Promise<CompiledGazetteer>;
  /** Opens an extension page (a path relative to the extension's root) in a new tab. */
  openTab(path: string): Promise<void>;
  /** Shows the entity count on the tab's toolbar button (or nothing when the setting is off). */
  updateBadge(tabId: number, entities: PageEntity[]): Promise<void>;
  /** The reader follows this entity (a followed name with no article gets a card that says so). */
  isFollowed(entityId: string): boolean;
}

export type { HandlerContext };
export type Handlers = HandlersFor<MessageType>;

const RELATED_LIMIT = 10;
const CARD_LIMIT = 3;

/** What a list shows of an article, its snippet aside. */
export function summaryOf(a: LibraryArticle): Omit<ArticleSummary, 'snippet'> {
  const saved = isSavedArticle(a);
  return { id: a.id, title: a.title, source: a.source, date: a.date, dateKnown: saved ? a.dateKnown : true, saved };
}

function toRelated(r: Ranked<LibraryArticle>, snippet: RelatedArticle['snippet']): RelatedArticle {
  return { ...summaryOf(r.item), snippet, score: r.score, shared: r.shared };
}

/** All but the entity page's and the entities page's handlers (entity-handlers.ts, entities-handlers.ts). */
export function createHandlers(services: Services): Omit<Handlers, 'entity' | `entities/${string}`> {
  const { matcher } = services;

  async function related(library: Library, page: PageEntity[], limit: number, exclude?: string) {
    const items = library.articles().filter((a) => a.id !== exclude);
    const ranked = rankByEntities(items, page, {
      df: library.documentFrequencies(),
      totalDocs: library.size,
      limit,
    });
    return ranked.map((r) => toRelated(r, entitySnippet(r.item, r.shared[0] ?? '', matcher)));
  }

  return {
    async 'page/entities'(payload, { tabId, frameId }) {
      if (tabId === undefined) throw new Error('NewsContext: page/entities must come from a tab');
      const state = await services.mergeFrame(tabId, frameId, payload);
      await services.updateBadge(tabId, state.entities);
      return { stored: true };
    },

    async gazetteer() {
      return services.litGazetteer();
    },

    async open(target) {
      await services.openTab(pagePath(target));
      return { opened: true };
    },

    async 'tab/state'({ tabId }) {
      return services.getTabState(tabId);
    },

    async related({ entities, limit }) {
      // A passing mention says little of what a page is about: nothing is listed for it.
      if (!hasEvidence(entities)) return [];
      return related(await services.library(), entities, limit ?? RELATED_LIMIT);
    },

    async card({ entityId, page }) {
      const entity = matcher.entity(entityId);
      if (!entity) return null;
      const library = await services.library();
      const ranked = rankForEntity(library.articles(), entityId, page, {
        df: library.documentFrequencies(),
        totalDocs: library.size,
      });
      return {
        entity: { id: entity.id, name: entity.name, type: entity.type, description: entity.description },
        articleCount: ranked.length,
        articles: ranked.slice(0, CARD_LIMIT).map((r) => toRelated(r, entitySnippet(r.item, entityId, matcher))),
        followed: services.isFollowed(entityId),
      };
    },

    async search({ query, entityId, limit }) {
      const library = await services.library();
      // An entity's listing (popup.html?entity=…): every article naming it, most about it first.
      if (query.trim() === '' && entityId) {
        return library
          .withEntity(entityId)
          .slice(0, limit ?? 20)
          .map((a, i, all) => ({ ...summaryOf(a), score: all.length - i, snippet: entitySnippet(a, entityId, matcher) }));
      }
      const hits = library.search(query, { limit: limit ?? 20, entityId });
      return hits.flatMap((hit) => {
        const article = library.get(hit.id);
        if (!article) return [];
        return [{ ...summaryOf(article), score: hit.score, snippet: library.snippetFor(hit) }];
      });
    },

    async article({ id }) {
      const library = await services.library();
      const article = library.get(id);
      if (!article) return null;
      const { entities, ...rest } = article;
      const saved = isSavedArticle(article);
      return {
        ...rest,
        saved,
        dateKnown: saved ? article.dateKnown : true,
        entities: Object.keys(entities),
        related: await related(library, profileAsPage(entities), 5, id),
      };
    },

    ...createLibraryHandlers(services),
  };
}

