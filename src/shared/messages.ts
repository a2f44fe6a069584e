// The messages between the content script, the background and the extension
// pages: one map from message type to request and response, so that a sender
// and its handler cannot disagree. Every request is checked on arrival
// (`parseRequest`), because a message is data from another context.
import { isObject } from '../core/guards';
import type { NamesByLanguage } from '../core/entity-names';
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
}

/** An article for the article page: its text, the ids of the entities it names, its neighbours. */
export interface ArticleView extends Article {
  entities: string[];
  related: RelatedArticle[];
}

/** Where an article came from: shipped with the extension, or saved by the reader. */
export type ArticleOrigin = 'bundled' | 'saved';

/** An article naming an entity, as the entity page lists it: `snippet` is the sentence that names it. */
export interface EntityArticle extends ArticleSummary {
  lang: string;
  origin: ArticleOrigin;
  /** The other entities the article names, most mentioned first. */
  entities: string[];
}

/** What the entity page shows: who or what it is, how it is written, the library's articles naming it. */
export interface EntityPageData {
  entity: { id: string; name: string; type: EntityType; description: string };
  names: NamesByLanguage;
  articles: EntityArticle[];
}

export interface Settings {
  /** Show the count of entities on the toolbar button. */
  badge: boolean;
  /** Hostnames where highlighting is paused. */
  pausedSites: string[];
}

export const DEFAULT_SETTINGS: Settings = { badge: true, pausedSites: [] };

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
  /** One entity, for the entity page; null for an id the gazetteer does not know. */
  entity: { req: { id: string }; res: EntityPageData | null };
  /** Opens an extension page in a new tab (content scripts cannot navigate to extension pages). */
  open: { req: OpenTarget; res: { opened: true } };
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

type Guard<T> = (value: unknown) => value is T;

const isString = (v: unknown): v is string => typeof v === 'string';
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const isOptional = <T>(guard: Guard<T>) => (v: unknown): v is T | undefined => v === undefined || guard(v);
const isLimit = (v: unknown): v is number => isCount(v) && v > 0 && v <= 100;
const isId = (v: unknown): v is string => isString(v) && v.length > 0 && v.length <= 200;

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
