// One handler per message type. Each receives an already validated payload and
// the sender's tab, and returns the typed response.
import type { Library } from '../core/library';
import type { Matcher } from '../core/matcher';
import { hasEvidence, type Ranked } from '../core/ranking';
import { isSavedArticle } from '../core/saved-article';
import type { CompiledGazetteer, LibraryArticle, LibraryEntry } from '../core/types';
import { pagePath, POPUP_RELATED_LIMIT, type ArticleSummary, type MessageType, type PageEntity, type RelatedArticle, type RequestOf, type ResponseOf, type TabState } from '../shared/messages';
import { AnsweredAhead } from './answered-ahead';
import type { HandlerContext, HandlersFor } from './handler-types';
import { createLibraryHandlers, type LibraryServices } from './library-handlers';
import { entitySnippet, profileAsPage } from './views';


export interface Services extends LibraryServices {
  matcher: Matcher;
  /** The library's entries and entity lists: enough for related lists, hover cards and articles. */
  library(): Promise<Library>;
  /** The library with its full-text index too, which loads after the entries: for search. */
  searchable(): Promise<Library>;
  getTabState(tabId: number): Promise<TabState | null>;
  /** The tab the reader is looking at, if any. */
  activeTabId(): Promise<number | undefined>;
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
export function summaryOf(a: LibraryEntry): Omit<ArticleSummary, 'snippet'> {
  const saved = isSavedArticle(a);
  return { id: a.id, title: a.title, source: a.source, date: a.date, dateKnown: saved ? a.dateKnown : true, saved };
}

function toRelated(r: Ranked<LibraryEntry>, snippet: RelatedArticle['snippet']): RelatedArticle {
  return { ...summaryOf(r.item), snippet, score: r.score, shared: r.shared };
}

/** The ranked articles whole (their texts read together), each with the snippet that `snippetOf` makes of it. */
async function withTexts(library: Library, ranked: readonly Ranked<LibraryEntry>[], snippetOf: (a: LibraryArticle, r: Ranked<LibraryEntry>) => RelatedArticle['snippet']): Promise<RelatedArticle[]> {
  const articles = new Map((await library.articlesWithText(ranked.map((r) => r.item.id))).map((a) => [a.id, a]));
  return ranked.flatMap((r) => {
    const a = articles.get(r.item.id);
    return a ? [toRelated(r, snippetOf(a, r))] : [];
  });
}

/** All but the entity page's and the entities page's handlers (entity-handlers.ts, entities-handlers.ts). */
export function createHandlers(services: Services): Omit<Handlers, 'entity' | `entities/${string}`> {
  const { matcher } = services;

  /** The popup's related articles, begun when it starts to load (`warm`). */
  const ahead = new AnsweredAhead<RelatedArticle[]>();
  const relatedKey = (entities: PageEntity[], limit: number) => JSON.stringify([entities, limit]);

  async function related(library: Library, page: PageEntity[], limit: number, exclude?: string) {
    const ranked = library.related(page, { limit, ...(exclude === undefined ? {} : { exclude }) });
    const out = await withTexts(library, ranked, (a, r) => entitySnippet(a, r.shared[0] ?? '', matcher));
    return out;
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

    async warm({ tabId }) {
      // The tab's state is read while the library loads: both come from storage.
      const stateRead = (async () => {
        const tab = tabId ?? (await services.activeTabId());
        return tab === undefined ? null : services.getTabState(tab);
      })();
      stateRead.catch(() => undefined);
      const library = await services.library();
      // The matcher finds the sentence that names an entity in related lists and cards.
      matcher.find('');
      const state = await stateRead;
      if (state && hasEvidence(state.entities)) {
        const { entities } = state;
        ahead.begin(relatedKey(entities, POPUP_RELATED_LIMIT), () => related(library, entities, POPUP_RELATED_LIMIT));
      }
      return { warm: true };
    },

    async 'tab/state'({ tabId }) {
      return services.getTabState(tabId);
    },

    async related({ entities, limit }) {
      // A passing mention says little of what a page is about: nothing is listed for it.
      if (!hasEvidence(entities)) return [];
      const n = limit ?? RELATED_LIMIT;
      const early = ahead.take(relatedKey(entities, n));
      if (early) {
        try {
          return await early;
        } catch {
          // Worked out anew below.
        }
      }
      return related(await services.library(), entities, n);
    },

    async card({ entityId, page }) {
      const entity = matcher.entity(entityId);
      if (!entity) return null;
      const library = await services.library();
      const { count, ranked } = library.aboutEntity(entityId, page, CARD_LIMIT);
      return {
        entity: { id: entity.id, name: entity.name, type: entity.type, description: entity.description },
        articleCount: count,
        articles: await withTexts(library, ranked, (a) => entitySnippet(a, entityId, matcher)),
        followed: services.isFollowed(entityId),
      };
    },

    async search({ query, entityId, limit }) {
      // An entity's listing (popup.html?entity=…): every article naming it, most about it first.
      if (query.trim() === '' && entityId) {
        const library = await services.library();
        const naming = library.withEntity(entityId, limit ?? 20);
        const articles = await library.articlesWithText(naming.map((a) => a.id));
        return articles.map((a, i) => ({ ...summaryOf(a), score: articles.length - i, snippet: entitySnippet(a, entityId, matcher) }));
      }
      const library = await services.searchable();
      const hits = library.search(query, { limit: limit ?? 20, entityId });
      const snippets = await library.snippetsFor(hits);
      return hits.flatMap((hit, i) => {
        const entry = library.get(hit.id);
        return entry ? [{ ...summaryOf(entry), score: hit.score, snippet: snippets[i]! }] : [];
      });
    },

    async article({ id }) {
      const library = await services.library();
      const article = await library.article(id);
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

