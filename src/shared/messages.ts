// The messages between the content script, the background and the extension
// pages: one map from message type to request and response, so that a sender
// and its handler cannot disagree. Every request is checked on arrival
// (`parseRequest`), because a message is data from another context.
import type { DroppedName } from '../core/effective-kb';
import { isEntityEdit, type EditOutcome, type EditProblem, type EntityEdit } from '../core/entity-edits';
import type { NamesByLanguage } from '../core/entity-names';
import type { LitGazetteer } from '../core/lit';
import type { NameSuggestion } from '../core/name-suggest';
import { isCount, isObject, isOptional, isString, type Guard } from '../core/guards';
import { isSavedArticleRecord, type SavedArticle, type SavedKind } from '../core/saved-article';
import type { Snippet } from '../core/snippet';
import type { Article, EntityType } from '../core/types';

export type { Snippet };

/** How a page names one entity: what the content script reports. */
export interface PageEntity {
  id: string;
  count: number;
  weakCount: number;
  /** Named in the page's title or first heading. */
  prominent: boolean;
}

export interface TabState {
  url: string;
  title: string;
  entities: PageEntity[];
  updatedAt: number;
}

export interface ArticleSummary {
  id: string;
  title: string;
  source: string;
  date: string;
  /** False when the page gave no publication date: `date` is the day the reader saved it. */
  dateKnown: boolean;
  /** Saved by the reader, not bundled with the extension. */
  saved: boolean;
  snippet: Snippet;
}

export interface RelatedArticle extends ArticleSummary {
  score: number;
  /** The entities the article shares with the page: the reason it is listed. */
  shared: string[];
}

export interface SearchResult extends ArticleSummary {
  score: number;
}

export interface EntityCard {
  entity: { id: string; name: string; type: EntityType; description: string };
  /** How many library articles mention it. */
  articleCount: number;
  articles: RelatedArticle[];
  /** The reader follows it: with no article, the card says so and offers to save the page. */
  followed?: boolean;
}

/** An article for the article page: its text, the ids of the entities it names, its neighbours. */
export interface ArticleView extends Article {
  entities: string[];
  related: RelatedArticle[];
  saved: boolean;
  dateKnown: boolean;
  /** Where the reader saved it from: an http(s) URL (checked when it was stored). */
  url?: string;
  savedAt?: number;
}

/** One row of the library page: every article, bundled or saved. */
export interface LibraryRow {
  id: string;
  title: string;
  source: string;
  date: string;
  dateKnown: boolean;
  /** BCP-47, "und" when unknown. */
  lang: string;
  saved: boolean;
  kind?: SavedKind;
  url?: string;
  savedAt?: number;
  /** The entities it makes most of, most first (ids). */
  entities: string[];
}

/** What a save did, in words the popup and the page notice turn into a sentence. */
export type SaveOutcome =
  /** `suggestions`: names the article repeats that no entity has, to follow in one click (core/name-suggest.ts). */
  | { status: 'saved' | 'updated'; id: string; title: string; kind: SavedKind; suggestions?: NameSuggestion[] }
  /** Readability found no article (search results, an app): nothing was saved. */
  | { status: 'not-article' }
  | { status: 'no-selection' }
  /** The browser keeps extensions out of the tab (its own pages, the add-on stores), or it is gone. */
  | { status: 'unavailable' }
  | { status: 'too-big'; size: string }
  /** The write failed: `quota` when the browser has no room left; nothing already saved was lost. */
  | { status: 'error'; reason: 'quota' | 'failed'; message: string };

export interface ImportOutcome {
  added: number;
  replaced: number;
  unchanged: number;
  duplicates: number;
}

/**
 * Where an import stands in the background: its parts arriving (staging), its
 * articles written in one transaction (writing), then profiled and indexed
 * into the library (indexing).
 */
export interface ImportProgress {
  phase: 'staging' | 'writing' | 'indexing';
  done: number;
  total: number;
}

/** How many articles the reader saved, and how many of them no export holds yet. */
export interface SavedStatus {
  saved: number;
  unexported: number;
}

/** Where an article came from: shipped with the extension, or saved by the reader. */
export type ArticleOrigin = 'bundled' | 'saved';

/** An article naming an entity, as the entity page lists it: `snippet` is the sentence that names it. */
export interface EntityArticle extends ArticleSummary {
  lang: string;
  /** The other entities the article names, most mentioned first. */
  entities: string[];
}

/** What the entity page shows: who or what it is, how it is written, the library's articles naming it. */
export interface EntityPageData {
  entity: { id: string; name: string; type: EntityType; description: string };
  names: NamesByLanguage;
  articles: EntityArticle[];
}

/** One entity on the entities page: who it is, how many articles name it, and what the reader made of it. */
export interface EntityListRow {
  id: string;
  name: string;
  type: EntityType;
  description: string;
  articleCount: number;
  followed: boolean;
  /** One of the reader's own entities (deleted, not only unfollowed). */
  own: boolean;
  muted: boolean;
  /** Hostnames where it is not lit. */
  mutedOn: string[];
  /** Its spellings, names before demonyms, as written. */
  spellings: string[];
  /** Spellings the reader added to a known entity, and took away from it. */
  added: string[];
  removed: string[];
  /** The reader renamed a known entity. */
  renamed: boolean;
}

export interface EntitiesList {
  rows: EntityListRow[];
  /** Why the stored preferences were refused: none apply until the reader starts again. */
  problem?: string;
  /** Names of the reader's that another entity has. */
  dropped: DroppedName[];
}

export type EditReply = { ok: true; outcome: EditOutcome } | { ok: false; problem: EditProblem };

export interface Settings {
  /** Show the count of entities on the toolbar button. */
  badge: boolean;
  /** Hostnames where highlighting is paused. */
  pausedSites: string[];
  /** Light every name the knowledge base knows, not only those the library has articles about (core/lit.ts). */
  lightAll: boolean;
}

export const DEFAULT_SETTINGS: Settings = { badge: true, pausedSites: [], lightAll: false };

export interface MessageMap {
  /** Content script → background: what the page names; the background keeps it per tab. */
  'page/entities': { req: { url: string; title: string; entities: PageEntity[] }; res: { stored: true } };
  /** What a tab names, for the popup. */
  'tab/state': { req: { tabId: number }; res: TabState | null };
  /** Library articles ranked against a set of page entities. */
  related: { req: { entities: PageEntity[]; limit?: number }; res: RelatedArticle[] };
  /** The hover card for one entity, in the context of the page's entities. */
  card: { req: { entityId: string; page: PageEntity[] }; res: EntityCard | null };
  /** Full-text search over the library. */
  search: { req: { query: string; entityId?: string; limit?: number }; res: SearchResult[] };
  /** One article, for the article page. */
  article: { req: { id: string }; res: ArticleView | null };
  /** The gazetteer of the names the pages light, for a context that found none of this version in storage (shared/lit-gazetteer.ts). */
  gazetteer: { req: Record<string, never>; res: LitGazetteer };
  /** One entity, for the entity page; null for an id the gazetteer does not know. */
  entity: { req: { id: string }; res: EntityPageData | null };
  /** Opens an extension page in a new tab (content scripts cannot navigate to extension pages). */
  open: { req: OpenTarget; res: { opened: true } };
  /** Saves the article in a tab, or the reader's selection there (from the popup; from a hover card, the sender's tab). */
  save: { req: { tabId?: number; mode?: 'article' | 'selection' }; res: SaveOutcome };
  /** Every entity the reader follows, made, changed or muted, and every known one, for the entities page. */
  'entities/list': { req: Record<string, never>; res: EntitiesList };
  /** One change to what the reader follows (core/entity-edits.ts). */
  'entities/edit': { req: { edit: EntityEdit }; res: EditReply };
  /** Stored preferences that cannot be read are replaced with none. */
  'entities/reset': { req: Record<string, never>; res: { reset: true } };
  /** Every article, for the library page. */
  'library/list': { req: Record<string, never>; res: LibraryRow[] };
  'library/status': { req: Record<string, never>; res: SavedStatus };
  /**
   * Sent by the popup and the side panel as they start to load
   * (popup-wake.js), with the tab the popup describes when it says
   * (`popup.html?tab=`; else the active tab): the background reads the
   * library, makes its matcher and begins that tab's related articles
   * while the page loads, so that the page's first questions find them ready.
   */
  warm: { req: { tabId?: number }; res: { warm: true } };
  /** Deletes a saved article and hands it back, for undo. */
  'library/delete': { req: { id: string }; res: { deleted: SavedArticle | null } };
  /** Undo of a delete: the article as it was handed back. */
  'library/restore': { req: { article: SavedArticle }; res: { restored: true } };
  /** A page of the saved articles in id order, after `after`: the export reads them all this way. */
  'library/export-page': { req: { after?: string; limit: number }; res: { articles: SavedArticle[] } };
  /** The export file was written: what was saved until `at` counts as exported. */
  'library/exported': { req: { at: number }; res: { marked: true } };
  /** An import, sent in parts (a message has a size limit), applied all or nothing on commit. */
  'library/import-begin': { req: { total: number }; res: { importId: string } };
  'library/import-part': { req: { importId: string; articles: SavedArticle[] }; res: { received: number } };
  'library/import-commit': { req: { importId: string }; res: ImportOutcome };
  'library/import-abort': { req: { importId: string }; res: { aborted: true } };
  /** How far an import has come; null once it is forgotten, or for an unknown one. */
  'library/import-progress': { req: { importId: string }; res: ImportProgress | null };
}

/** How many related articles the popup and the side panel list. */
export const POPUP_RELATED_LIMIT = 20;

/** Articles in one import part at most: a message stays well under the browsers' size limits. */
export const IMPORT_PART_MAX = 200;
/** The largest import the background stages, in articles. */
export const IMPORT_MAX_ARTICLES = 100_000;

/** Background → a tab's top frame: what an action from the page (a save, a follow) did, to show there. */
export interface PageNoticeMessage {
  type: 'notice/page';
  text: string;
  ok: boolean;
}

export function isPageNotice(v: unknown): v is PageNoticeMessage {
  return isObject(v) && v.type === 'notice/page' && isString(v.text) && typeof v.ok === 'boolean';
}

/**
 * Background → content script: the reader pressed the keyboard shortcut
 * (manifest `commands`) to open the card of the selected name, or of the next
 * name on screen. Sent to every frame of the tab; the focused one answers.
 */
export interface ShowCardCommand {
  type: 'command/show-card';
}

/** The manifest's name for that shortcut. */
export const SHOW_CARD_COMMAND = 'show-card';
/** The manifest's name for the shortcut that saves the page. */
export const SAVE_PAGE_COMMAND = 'save-page';

export function isShowCardCommand(v: unknown): v is ShowCardCommand {
  return isObject(v) && v.type === 'command/show-card';
}

export type OpenTarget =
  | { page: 'article'; id: string }
  | { page: 'entity'; id: string }
  | { page: 'search'; query?: string; entityId?: string };

/** The extension-relative URL of a page: `article.html?id=…`, `entity.html?id=…`, `popup.html?q=…&entity=…`. */
export function pagePath(target: OpenTarget): string {
  if (target.page === 'article') return `article.html?id=${encodeURIComponent(target.id)}`;
  if (target.page === 'entity') return `entity.html?id=${encodeURIComponent(target.id)}`;
  const params = new URLSearchParams();
  if (target.query) params.set('q', target.query);
  if (target.entityId) params.set('entity', target.entityId);
  params.set('view', 'tab');
  return `popup.html?${params}`;
}

export type MessageType = keyof MessageMap;
export type RequestOf<T extends MessageType> = MessageMap[T]['req'];
export type ResponseOf<T extends MessageType> = MessageMap[T]['res'];

export interface Envelope<T extends MessageType = MessageType> {
  type: T;
  payload: RequestOf<T>;
}

export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };

// ---- Validation: small hand-written guards, no schema library in the bundle.

const isLimit = (v: unknown): v is number => isCount(v) && v > 0 && v <= 100;
const isId = (v: unknown): v is string => isString(v) && v.length > 0 && v.length <= 200;
const isEmpty = (v: unknown): v is Record<string, never> => isObject(v) && Object.keys(v).length === 0;

export const isPageEntity: Guard<PageEntity> = (v): v is PageEntity =>
  isObject(v) && isId(v.id) && isCount(v.count) && isCount(v.weakCount) && typeof v.prominent === 'boolean';

const isPageEntities = (v: unknown): v is PageEntity[] => Array.isArray(v) && v.length <= 1000 && v.every(isPageEntity);

const requestGuards: { [T in MessageType]: Guard<RequestOf<T>> } = {
  'page/entities': (v): v is RequestOf<'page/entities'> =>
    isObject(v) && isString(v.url) && isString(v.title) && isPageEntities(v.entities),
  'tab/state': (v): v is RequestOf<'tab/state'> => isObject(v) && isCount(v.tabId),
  related: (v): v is RequestOf<'related'> => isObject(v) && isPageEntities(v.entities) && isOptional(isLimit)(v.limit),
  card: (v): v is RequestOf<'card'> => isObject(v) && isId(v.entityId) && isPageEntities(v.page),
  search: (v): v is RequestOf<'search'> =>
    isObject(v) &&
    isString(v.query) &&
    v.query.length <= 500 &&
    isOptional(isId)(v.entityId) &&
    isOptional(isLimit)(v.limit),
  article: (v): v is RequestOf<'article'> => isObject(v) && isId(v.id),
  gazetteer: isEmpty,
  save: (v): v is RequestOf<'save'> =>
    isObject(v) && isOptional(isCount)(v.tabId) && (v.mode === undefined || v.mode === 'article' || v.mode === 'selection'),
  'entities/list': isEmpty,
  'entities/edit': (v): v is RequestOf<'entities/edit'> => isObject(v) && isEntityEdit(v.edit),
  'entities/reset': isEmpty,
  'library/list': isEmpty,
  'library/status': isEmpty,
  warm: (v): v is RequestOf<'warm'> => isObject(v) && isOptional(isCount)(v.tabId) && Object.keys(v).every((k) => k === 'tabId'),
  'library/delete': (v): v is RequestOf<'library/delete'> => isObject(v) && isId(v.id),
  'library/restore': (v): v is RequestOf<'library/restore'> => isObject(v) && isSavedArticleRecord(v.article),
  'library/export-page': (v): v is RequestOf<'library/export-page'> => isObject(v) && isOptional(isId)(v.after) && isLimit(v.limit),
  'library/exported': (v): v is RequestOf<'library/exported'> => isObject(v) && isCount(v.at),
  'library/import-begin': (v): v is RequestOf<'library/import-begin'> => isObject(v) && isCount(v.total) && v.total <= IMPORT_MAX_ARTICLES,
  'library/import-part': (v): v is RequestOf<'library/import-part'> =>
    isObject(v) && isId(v.importId) && Array.isArray(v.articles) && v.articles.length <= IMPORT_PART_MAX && v.articles.every(isSavedArticleRecord),
  'library/import-commit': (v): v is RequestOf<'library/import-commit'> => isObject(v) && isId(v.importId),
  'library/import-abort': (v): v is RequestOf<'library/import-abort'> => isObject(v) && isId(v.importId),
  'library/import-progress': (v): v is RequestOf<'library/import-progress'> => isObject(v) && isId(v.importId),
  entity: (v): v is RequestOf<'entity'> => isObject(v) && isId(v.id),
  open: (v): v is RequestOf<'open'> =>
    isObject(v) &&
    (((v.page === 'article' || v.page === 'entity') && isId(v.id)) ||
      (v.page === 'search' && isOptional(isString)(v.query) && isOptional(isId)(v.entityId))),
};

export function isMessageType(v: unknown): v is MessageType {
  return isString(v) && Object.prototype.hasOwnProperty.call(requestGuards, v);
}

/** Checks an incoming message; returns the typed envelope or a reason for refusing it. */
export function parseRequest(raw: unknown): { ok: true; envelope: Envelope } | { ok: false; error: string } {
  if (!isObject(raw)) return { ok: false, error: 'NewsContext: a message must be an object' };
  if (!isMessageType(raw.type)) return { ok: false, error: `NewsContext: unknown message type ${JSON.stringify(raw.type)}` };
  const guard = requestGuards[raw.type] as Guard<unknown>;
  if (!guard(raw.payload)) return { ok: false, error: `NewsContext: malformed payload for "${raw.type}"` };
  return { ok: true, envelope: { type: raw.type, payload: raw.payload } as Envelope };
}
