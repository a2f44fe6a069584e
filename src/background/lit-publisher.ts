// Keeps the lit gazetteer in storage.local (shared/lit-gazetteer.ts) in step
// with what lights a name (core/lit.ts): the library's articles, the reader's
// settings. Publishing writes only when the set of lit entities changed, or
// when forced (the extension was installed or updated: the knowledge base may
// have changed under the same ids), so that open tabs rescan only when there
// is something new to light.
import type { Library } from '../core/library';
import { litIds, subsetGazetteer } from '../core/lit';
import type { CompiledGazetteer } from '../core/types';
import browser from '../shared/browser';
import { isLitGazetteer, LIT_GAZETTEER_KEY } from '../shared/lit-gazetteer';
import type { Settings } from '../shared/messages';

export interface LitSources {
  library(): Promise<Library>;
  settings(): Promise<Settings>;
}

export interface LitPublisher {
  /** Works out what is lit now, writes it if it changed (or `force`), and returns it. */
  publish(force?: boolean): Promise<CompiledGazetteer>;
}

export function createLitPublisher(kb: CompiledGazetteer, sources: LitSources): LitPublisher {
  /** Publications run one after another: two at once could write an older set last. */
  let queue: Promise<unknown> = Promise.resolve();

  async function publishNow(force: boolean): Promise<CompiledGazetteer> {
    const [library, settings] = await Promise.all([sources.library(), sources.settings()]);
    // The entities some article names: the keys of the document frequencies the library keeps, not a pass over its articles.
    const ids = litIds(kb, { inLibrary: new Set(library.documentFrequencies().keys()), followed: new Set(), muted: new Set(), lightAll: settings.lightAll });
    const stored = (await browser.storage.local.get(LIT_GAZETTEER_KEY))[LIT_GAZETTEER_KEY];
    if (!force && isLitGazetteer(stored) && sameIds(stored, ids)) return stored;
    const lit = subsetGazetteer(kb, ids);
    await browser.storage.local.set({ [LIT_GAZETTEER_KEY]: lit });
    return lit;
  }

  return {
    publish(force = false) {
      const next = queue.then(() => publishNow(force));
      queue = next.catch(() => undefined);
      return next;
    },
  };
}

function sameIds(g: CompiledGazetteer, ids: readonly string[]): boolean {
  return g.entities.length === ids.length && g.entities.every((e, i) => e.id === ids[i]);
}
