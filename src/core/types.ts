// The shapes that every part of the extension agrees on: the gazetteer, the
// matcher's output, articles and their entity profiles. Pure data, no DOM.

export type EntityType = 'person' | 'place' | 'organisation';

export const ENTITY_TYPES: readonly EntityType[] = ['person', 'place', 'organisation'];

/** One spelling of an entity's name, in the source gazetteer. */
export interface AliasSpec {
  /** The spelling as written ("Erdoğan", "Путин", "Rusia"). */
  text: string;
  /** BCP-47 language of the spelling, or "mul" when it is shared. */
  lang: string;
  /** Demonyms and adjectives ("Russian", "Turkish"): they count less than a name. */
  weak?: boolean;
  /**
   * Match only this exact spelling, case and diacritics included. Defaults to
   * true for all-caps acronyms ("AS", "US", "ISIS": "as", "us", the goddess Isis)
   * and false otherwise; "Bakı" sets it so that the Javanese "Baki" is not Baku.
   */
  caseSensitive?: boolean;
  /**
   * A name that many people (or places) share, such as a common surname
   * ("Lee", "Costa"): it names this entity only when nothing points to someone
   * else. Set in the knowledge base; the seed gazetteer has none.
   */
  ambiguous?: boolean;
}

/** A context rule: the alias is not this entity when the text around it reads so. */
export interface ContextRule {
  /** Folded words that, right after the alias, make it a common word ("tembak" for "Baku tembak"). */
  notFollowedBy?: string[];
  /** Folded words that, right before the alias, make it a common word. */
  notPrecededBy?: string[];
}

/** An entity as the gazetteer source describes it. */
export interface EntitySpec {
  id: string;
  type: EntityType;
  /** English display name. */
  name: string;
  /** One line saying who or what it is. */
  description: string;
  /** ISO 3166-1 alpha-2 code: country names in many languages are added from i18n-iso-countries. */
  iso?: string;
  aliases: AliasSpec[];
  context?: ContextRule;
}

/**
 * The compiled, compact form shipped in the content script and used by the matcher.
 * Aliases are already folded (lower case, no diacritics); `w` marks weak aliases.
 */
export interface CompiledEntity {
  id: string;
  type: EntityType;
  name: string;
  description: string;
  /** Folded aliases. */
  aliases: string[];
  /** Folded weak aliases (demonyms). */
  weak?: string[];
  /** Aliases matched case- and diacritic-sensitively, as written (not folded). */
  exact?: string[];
  /** Folded forms of the aliases that others share (AliasSpec.ambiguous); absent when none are. */
  ambiguous?: string[];
  context?: ContextRule;
}

/** The compiled gazetteer's format: bump when CompiledGazetteer changes, so that an old one is refused, not misread. */
export const GAZETTEER_VERSION = 1;

export interface CompiledGazetteer {
  /** GAZETTEER_VERSION of the build that compiled it. */
  version: number;
  entities: CompiledEntity[];
  /**
   * The characters a name can start with, as code unit ranges (matcher.ts,
   * startRanges): worked out at build time, as it takes looking at every UTF-16
   * code unit. A hand-made gazetteer may leave them out.
   */
  starts?: number[];
  /**
   * For a lazy matcher: each folded first letter of an alias, then the
   * indices in `entities` of the entities with an alias that starts with it
   * (start-ranges.ts, firstLetters), so that the matcher is made without
   * looking at every alias. Worked out again when absent; dropped with any
   * change to `entities`.
   */
  firsts?: number[][];
}

/** One occurrence of an entity in a string: UTF-16 offsets into the original text. */
export interface Mention {
  entityId: string;
  start: number;
  end: number;
  /** True when matched through a weak alias (a demonym). */
  weak?: boolean;
}

/** How an article (or a page) names one entity. */
export interface EntityStat {
  /** Mentions through names. */
  count: number;
  /** Mentions through demonyms. */
  weakCount: number;
  /** Offset of the first mention in the article's plain text (title, lead, body joined by "\n\n"). */
  first: number;
  /** Mentioned in the title or the lead. */
  prominent: boolean;
}

export type EntityProfile = Record<string, EntityStat>;

export interface Article {
  /** The seed's file name without ".txt": stable, used in URLs and tests. */
  id: string;
  title: string;
  /** The publisher. */
  source: string;
  /** The agency the publisher credits, where it names one (AFP, AP, Reuters). */
  agency?: string;
  /** ISO date, YYYY-MM-DD. */
  date: string;
  author?: string;
  lead: string;
  paragraphs: string[];
  /** BCP-47 language of the text. */
  lang: string;
}

/** An article with what the matcher found in it. */
export interface LibraryArticle extends Article {
  entities: EntityProfile;
}

/** An article's text beyond its title: what the library reads when it is shown, and does not keep in memory. */
export type ArticleText = Pick<Article, 'lead' | 'paragraphs'>;

/**
 * What the library keeps in memory of an article: everything but its text,
 * and its entity profile. A saved article's entry has its saved fields too
 * (saved-article.ts).
 */
export type LibraryEntry = Omit<LibraryArticle, 'lead' | 'paragraphs'>;
