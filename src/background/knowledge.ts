// The names the background knows, live: the bundled knowledge base with the
// reader's preferences applied (core/effective-kb.ts), its matcher, and the
// preferences themselves. Edits run one after another: each is checked
// (core/entity-edits.ts), stored, and only then does the matcher switch to
// the names it makes, so a refused or failed write changes nothing. The
// matcher handed out here delegates to the current one, so the handlers and
// the library, made once, always read the reader's latest names.
import { effectiveKnowledge, type DroppedName } from '../core/effective-kb';
import { applyEdit, type EditResult, type EntityEdit } from '../core/entity-edits';
import { createLookup, type EntityLookup } from '../core/entity-lookup';
import { EMPTY_PREFS, type EntityPrefs } from '../core/entity-prefs';
import type { LibraryMatcher } from '../core/library';
import { createMatcher, type Matcher } from '../core/matcher';
import { writesEndingsOnNames } from '../core/turkic-suffix';
import type { CompiledGazetteer } from '../core/types';
import { loadEntityPrefs, storeEntityPrefs } from '../shared/entity-prefs-store';

export interface PrefsStorage {
  load(): Promise<EntityPrefs>;
  store(prefs: EntityPrefs): Promise<void>;
}

export const browserPrefsStorage: PrefsStorage = { load: loadEntityPrefs, store: storeEntityPrefs };

/** A change of names: the effective knowledge base before and after. */
export type KnowledgeListener = (before: CompiledGazetteer, after: CompiledGazetteer) => void;

export interface Knowledge {
  /** Settles once the stored preferences are read, or refused. */
  readonly ready: Promise<void>;
  readonly base: CompiledGazetteer;
  gazetteer(): CompiledGazetteer;
  prefs(): EntityPrefs;
  /** Why the stored preferences were refused (and none apply), or undefined. */
  problem(): string | undefined;
  /** Stored names of the reader's that another entity has (effective-kb.ts). */
  dropped(): readonly DroppedName[];
  lookup(): EntityLookup;
  /** Finds the reader's current names. */
  readonly matcher: Matcher;
  /** The same for the library: Azerbaijani articles through a matcher that takes endings on names. */
  readonly libraryMatcher: LibraryMatcher;
  /** Checks, stores and applies one edit; a refusal changes nothing and says why. */
  edit(edit: EntityEdit): Promise<EditResult>;
  /** Replaces refused stored preferences with none, so that the reader can start again. */
  reset(): Promise<void>;
  onChange(listener: KnowledgeListener): void;
}

export function createKnowledge(base: CompiledGazetteer, storage: PrefsStorage = browserPrefsStorage): Knowledge {
  let prefs: EntityPrefs = EMPTY_PREFS;
  let problem: string | undefined;
  let effective = effectiveKnowledge(base, EMPTY_PREFS);
  // Made when first asked for: after an edit the pages are told first, and the library's turn comes after.
  let matcher: Matcher | undefined;
  let endings: Matcher | undefined;
  let lookup: EntityLookup | undefined;
  const listeners: KnowledgeListener[] = [];
  // Lazy: the build has checked the knowledge base, and the reader's names are checked as they are made.
  const getMatcher = () => (matcher ??= createMatcher(effective.gazetteer, { lazy: true }));
  const getLookup = () => (lookup ??= createLookup(effective.gazetteer, (text) => getMatcher().find(text), effective.index));

  /** Switches to the names these preferences make; listeners hear of it (not of the first read: nothing was built on the bundled names yet). */
  function use(next: EntityPrefs, notify = true): void {
    const before = effective.gazetteer;
    prefs = next;
    effective = effectiveKnowledge(base, next);
    if (effective.gazetteer !== before) {
      matcher = undefined;
      endings = undefined;
    }
    lookup = undefined;
    if (notify) for (const listener of listeners) listener(before, effective.gazetteer);
  }

  const ready = storage.load().then(
    (stored) => use(stored, false),
    (error: unknown) => {
      problem = error instanceof Error ? error.message : String(error);
      console.error(problem);
    },
  );

  /** Edits run one after another, each on the preferences the one before left. */
  let queue: Promise<unknown> = ready;
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const next = queue.then(task);
    queue = next.catch(() => undefined);
    return next;
  };

  const current: Matcher = {
    find: (text) => getMatcher().find(text),
    entity: (id) => getMatcher().entity(id),
    get entities() {
      return getMatcher().entities;
    },
  };

  return {
    ready,
    base,
    gazetteer: () => effective.gazetteer,
    prefs: () => prefs,
    problem: () => problem,
    dropped: () => effective.dropped,
    lookup: getLookup,
    matcher: current,
    libraryMatcher: {
      find: current.find,
      entity: current.entity,
      forLanguage: (lang) => (writesEndingsOnNames(lang) ? (endings ??= createMatcher(effective.gazetteer, { endingsOnNames: true, lazy: true })) : getMatcher()),
    },
    edit: (edit) =>
      serial(async () => {
        if (problem !== undefined) throw new Error(problem);
        const result = applyEdit({ base, lookup: getLookup() }, prefs, edit);
        if (!result.ok || result.prefs === prefs) return result;
        await storage.store(result.prefs);
        use(result.prefs);
        return result;
      }),
    reset: () =>
      serial(async () => {
        await storage.store(EMPTY_PREFS);
        problem = undefined;
        use(EMPTY_PREFS);
      }),
    onChange: (listener) => void listeners.push(listener),
  };
}
