// Keeps the lit gazetteer in storage.local (shared/lit-gazetteer.ts) in step
// with what lights a name (core/lit.ts): the library's articles, the names
// the reader follows and mutes (everywhere, and per site), the reader's own
// entities and changes to known ones, and the settings. Publishing writes
// only when what the pages would get changed (which names, spelled how,
// muted where), or when forced (the extension was installed or updated: the
// knowledge base may have changed under the same ids), so that open tabs
// rescan only when there is something new to light.
import type { EntityPrefs } from '../core/entity-prefs';
import type { Library } from '../core/library';
import { litIds, litMutes, subsetGazetteer, type LitGazetteer } from '../core/lit';
import type { CompiledGazetteer } from '../core/types';
import browser from '../shared/browser';
import { isLitGazetteer } from '../shared/lit-gazetteer';
import { LIT_GAZETTEER_KEY } from '../shared/lit-key';
import type { Settings } from '../shared/messages';

export interface LitSources {
  /** The knowledge base as the reader made it, and their preferences, once these are read. */
  knowledge(): Promise<{ gazetteer: CompiledGazetteer; prefs: EntityPrefs }>;
  library(): Promise<Library>;
  settings(): Promise<Settings>;
}

export interface LitPublisher {
  /** Works out what is lit now, writes it if it changed (or `force`), and returns it. */
  publish(force?: boolean): Promise<LitGazetteer>;
}

/** Which entities are lit now, and where each is muted: what the lit gazetteer is made from. */
function litChoice(kb: CompiledGazetteer, prefs: EntityPrefs, inLibrary: ReadonlySet<string>, settings: Settings): { ids: string[]; mutedOn: Record<string, string[]> | undefined } {
  const ids = litIds(kb, { inLibrary, followed: new Set(prefs.followed), muted: new Set(prefs.muted), lightAll: settings.lightAll });
  return { ids, mutedOn: litMutes(prefs.mutedOn, ids) };
}

function gazetteerOf(kb: CompiledGazetteer, { ids, mutedOn }: ReturnType<typeof litChoice>): LitGazetteer {
  const lit: LitGazetteer = subsetGazetteer(kb, ids);
  if (mutedOn) lit.mutedOn = mutedOn;
  return lit;
}

/** What is lit now: the lit entities of the knowledge base, with their per-site mutes. */
export function litGazetteer(kb: CompiledGazetteer, prefs: EntityPrefs, inLibrary: ReadonlySet<string>, settings: Settings): LitGazetteer {
  return gazetteerOf(kb, litChoice(kb, prefs, inLibrary, settings));
}

export function createLitPublisher(sources: LitSources): LitPublisher {
  /** Publications run one after another: two at once could write an older set last. */
  let queue: Promise<unknown> = Promise.resolve();
  /**
   * The last gazetteer published (or found stored), and what it was made
   * from: while the knowledge base is the same object and the choice the
   * same, it is what a publication would write (most saves light nothing new).
   */
  let last: { kb: CompiledGazetteer; choice: string; lit: LitGazetteer } | undefined;

  async function publishNow(force: boolean): Promise<LitGazetteer> {
    const [{ gazetteer, prefs }, library, settings] = await Promise.all([sources.knowledge(), sources.library(), sources.settings()]);
    // The entities some article names: the keys of the document frequencies the library keeps, not a pass over its articles.
    const choice = litChoice(gazetteer, prefs, new Set(library.documentFrequencies().keys()), settings);
    const key = JSON.stringify(choice);
    if (!force && last && last.kb === gazetteer && last.choice === key) return last.lit;
    const lit = gazetteerOf(gazetteer, choice);
    const stored = (await browser.storage.local.get(LIT_GAZETTEER_KEY))[LIT_GAZETTEER_KEY];
    const published = !force && isLitGazetteer(stored) && sameLit(stored, lit) ? stored : lit;
    if (published === lit) await browser.storage.local.set({ [LIT_GAZETTEER_KEY]: lit });
    last = { kb: gazetteer, choice: key, lit: published };
    return published;
  }

  return {
    publish(force = false) {
      const next = queue.then(() => publishNow(force));
      queue = next.catch(() => undefined);
      return next;
    },
  };
}

/** The same names, spelled the same, muted on the same sites (the start characters follow from the entities). */
function sameLit(a: LitGazetteer, b: LitGazetteer): boolean {
  return a.entities.length === b.entities.length && JSON.stringify(a.entities) === JSON.stringify(b.entities) && JSON.stringify(a.mutedOn ?? {}) === JSON.stringify(b.mutedOn ?? {});
}
