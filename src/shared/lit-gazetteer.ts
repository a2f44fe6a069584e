// The gazetteer of the names the pages light (core/lit.ts), as every context
// gets it: the background writes it to storage.local whenever what is lit
// changes (at install, at start, on a save, a follow, a setting), and the
// content scripts, the popup and the article page read it from there. So the
// knowledge base, however large, ships in none of their bundles, and a change
// reaches every open tab through storage.onChanged, without a reload.
import { isObject } from '../core/guards';
import type { LitGazetteer } from '../core/lit';
import { GAZETTEER_VERSION, type CompiledGazetteer } from '../core/types';
import browser from './browser';
import { LIT_GAZETTEER_KEY } from './lit-key';
import { send } from './send';

/** A stored gazetteer of this code's version; anything else is not one (an older build's is compiled again). */
export function isLitGazetteer(v: unknown): v is LitGazetteer {
  return (
    isObject(v) &&
    v.version === GAZETTEER_VERSION &&
    Array.isArray(v.entities) &&
    Array.isArray(v.starts) &&
    (v.firsts === undefined || Array.isArray(v.firsts)) &&
    (v.mutedOn === undefined || isObject(v.mutedOn))
  );
}

/**
 * The lit gazetteer of one site: without the entities muted there. Its start
 * characters stay the whole gazetteer's, which find every name it keeps (a
 * start that begins no name costs a failed trie step).
 */
export function forSite(g: LitGazetteer, hostname: string): CompiledGazetteer {
  const muted = g.mutedOn && Object.prototype.hasOwnProperty.call(g.mutedOn, hostname) ? g.mutedOn[hostname] : undefined;
  if (!Array.isArray(muted) || muted.length === 0) return g;
  // The first letters index the whole gazetteer's entities: worked out again for the rest.
  const { firsts: _indexOfAll, ...rest } = g;
  return { ...rest, entities: g.entities.filter((e) => !muted.includes(e.id)) };
}

/**
 * The lit gazetteer: from storage (read now, or the value of a read begun
 * earlier, `storedValue`), or, before the background has written one of this
 * version, from the background.
 */
export async function getLitGazetteer(storedValue?: Promise<unknown>): Promise<LitGazetteer> {
  const stored = storedValue ? await storedValue : (await browser.storage.local.get(LIT_GAZETTEER_KEY))[LIT_GAZETTEER_KEY];
  return isLitGazetteer(stored) ? stored : send('gazetteer', {});
}

/** Calls `listener` with each new lit gazetteer; returns the function that stops listening. */
export function onLitGazetteerChanged(listener: (g: LitGazetteer) => void): () => void {
  const handler = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    const next = changes[LIT_GAZETTEER_KEY]?.newValue;
    if (area === 'local' && isLitGazetteer(next)) listener(next);
  };
  browser.storage.onChanged.addListener(handler);
  return () => browser.storage.onChanged.removeListener(handler);
}
