// The handlers of the messages that change the library or read it whole:
// saving a tab, the library page's list, delete and undo, export in pages,
// and import in parts, staged in the store and applied all or nothing on
// commit (import-staging.ts), with its progress for the page to show.
import type { Library } from '../core/library';
import { isSavedArticle } from '../core/saved-article';
import type { LibraryEntry } from '../core/types';
import type { LibraryRow, MessageType, SaveOutcome } from '../shared/messages';
import type { HandlersFor } from './handler-types';
import type { ImportStaging } from './import-staging';
import type { SavedLibrary } from './saved-library';

export interface LibraryServices {
  /** The library's entries (the list of the library page). */
  library(): Promise<Library>;
  saved: SavedLibrary;
  /** Where imports are staged until they are applied. */
  staging: ImportStaging;
  /** Saves the article in a tab (or the selection there). */
  saveTab(tabId: number, mode: 'article' | 'selection'): Promise<SaveOutcome>;
}

type LibraryMessage = Extract<MessageType, 'save' | `library/${string}`>;
type LibraryHandlers = HandlersFor<LibraryMessage>;

/** How many of an article's entities a library row names. */
const ROW_ENTITIES = 5;

/** The entities an article makes most of: named in title or lead first, then by how often. */
export function mainEntities(a: LibraryEntry, n = ROW_ENTITIES): string[] {
  return Object.entries(a.entities)
    .sort(([ia, x], [ib, y]) => Number(y.prominent) - Number(x.prominent) || y.count - x.count || y.weakCount - x.weakCount || (ia < ib ? -1 : 1))
    .slice(0, n)
    .map(([id]) => id);
}

export function libraryRow(a: LibraryEntry): LibraryRow {
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
  const { staging } = services;
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
      return { importId: await staging.begin(total) };
    },

    async 'library/import-part'({ importId, articles }) {
      return { received: await staging.part(importId, articles) };
    },

    async 'library/import-commit'({ importId }) {
      return services.saved.import(staging, importId);
    },

    async 'library/import-abort'({ importId }) {
      await staging.abort(importId);
      return { aborted: true };
    },

    async 'library/import-progress'({ importId }) {
      return staging.progress(importId);
    },
  };
}
