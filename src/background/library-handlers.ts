// The handlers of the messages that change the library or read it whole:
// saving a tab, the library page's list, delete and undo, export in pages,
// and import in parts, staged here and applied all or nothing on commit.
import type { Library } from '../core/library';
import { isSavedArticle, type SavedArticle } from '../core/saved-article';
import type { LibraryArticle } from '../core/types';
import { IMPORT_MAX_ARTICLES, type LibraryRow, type MessageType, type SaveOutcome } from '../shared/messages';
import type { HandlersFor } from './handler-types';
import type { SavedLibrary } from './saved-library';

export interface LibraryServices {
  library(): Promise<Library>;
  saved: SavedLibrary;
  /** Saves the article in a tab (or the selection there). */
  saveTab(tabId: number, mode: 'article' | 'selection'): Promise<SaveOutcome>;
}

type LibraryMessage = Extract<MessageType, 'save' | `library/${string}`>;
type LibraryHandlers = HandlersFor<LibraryMessage>;

/** How many of an article's entities a library row names. */
const ROW_ENTITIES = 5;
/** An import not committed within this long is dropped (the page was closed half-way). */
const IMPORT_TTL_MS = 10 * 60 * 1000;

/** The entities an article makes most of: named in title or lead first, then by how often. */
export function mainEntities(a: LibraryArticle, n = ROW_ENTITIES): string[] {
  return Object.entries(a.entities)
    .sort(([ia, x], [ib, y]) => Number(y.prominent) - Number(x.prominent) || y.count - x.count || y.weakCount - x.weakCount || (ia < ib ? -1 : 1))
    .slice(0, n)
    .map(([id]) => id);
}

export function libraryRow(a: LibraryArticle): LibraryRow {
  const row: LibraryRow = {
    id: a.id,
    title: a.title,
    source: a.source,
    date: a.date,
    dateKnown: true,
    lang: a.lang,
    saved: false,
    entities: mainEntities(a),
  };
  if (isSavedArticle(a)) Object.assign(row, { saved: true, dateKnown: a.dateKnown, kind: a.kind, url: a.url, savedAt: a.savedAt });
  return row;
}

export function createLibraryHandlers(services: LibraryServices): LibraryHandlers {
  const imports = new Map<string, { total: number; articles: SavedArticle[]; expires: number }>();
  const staged = (importId: string) => {
    const session = imports.get(importId);
    if (!session || session.expires < Date.now()) {
      imports.delete(importId);
      throw new Error('NewsContext: the import was interrupted (the extension restarted, or it took too long); nothing was written. Try again.');
    }
    return session;
  };

  return {
    // From the popup, the tab it describes; from a hover card, the card's own tab.
    async save({ tabId, mode }, ctx) {
      const tab = tabId ?? ctx.tabId;
      if (tab === undefined) throw new Error('NewsContext: save needs a tab');
      return services.saveTab(tab, mode ?? 'article');
    },

    async 'library/list'() {
      return (await services.library()).articles().map(libraryRow);
    },

    async 'library/status'() {
      return services.saved.status();
    },

    async 'library/delete'({ id }) {
      return { deleted: await services.saved.delete(id) };
    },

    async 'library/restore'({ article }) {
      await services.saved.restore(article);
      return { restored: true };
    },

    async 'library/export-page'({ after, limit }) {
      return { articles: await services.saved.exportPage(after, limit) };
    },

    async 'library/exported'({ at }) {
      await services.saved.markExported(at);
      return { marked: true };
    },

    async 'library/import-begin'({ total }) {
      const importId = crypto.randomUUID();
      imports.set(importId, { total, articles: [], expires: Date.now() + IMPORT_TTL_MS });
      return { importId };
    },

    async 'library/import-part'({ importId, articles }) {
      const session = staged(importId);
      if (session.articles.length + articles.length > Math.min(session.total, IMPORT_MAX_ARTICLES)) {
        imports.delete(importId);
        throw new Error('NewsContext: the import sent more articles than it announced; nothing was written.');
      }
      session.articles.push(...articles);
      return { received: session.articles.length };
    },

    async 'library/import-commit'({ importId }) {
      const session = staged(importId);
      imports.delete(importId);
      if (session.articles.length !== session.total) {
        throw new Error(`NewsContext: the import arrived incomplete (${session.articles.length} of ${session.total} articles); nothing was written.`);
      }
      return services.saved.import(session.articles);
    },

    async 'library/import-abort'({ importId }) {
      imports.delete(importId);
      return { aborted: true };
    },
  };
}
