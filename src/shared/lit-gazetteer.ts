// The gazetteer of the names the pages light (core/lit.ts), as every context
// gets it: the background writes it to storage.local whenever what is lit
// changes (at install, at start, on a save, a follow, a setting), and the
// content scripts, the popup and the article page read it from there. So the
// knowledge base, however large, ships in none of their bundles, and a change
// reaches every open tab through storage.onChanged, without a reload.
import { isObject } from '../core/guards';
import { GAZETTEER_VERSION, type CompiledGazetteer } from '../core/types';
import browser from './browser';
import { send } from './send';

export const LIT_GAZETTEER_KEY = 'litGazetteer';

/** A stored gazetteer of this code's version; anything else is not one (an older build's is compiled again). */
export function isLitGazetteer(v: unknown): v is CompiledGazetteer {
  return isObject(v) && v.version === GAZETTEER_VERSION && Array.isArray(v.entities) && Array.isArray(v.starts);
}

/** The lit gazetteer: from storage, or, before the background has written one of this version, from the background. */
export async function getLitGazetteer(): Promise<CompiledGazetteer> {
  const stored = (await browser.storage.local.get(LIT_GAZETTEER_KEY))[LIT_GAZETTEER_KEY];
  return isLitGazetteer(stored) ? stored : send('gazetteer', {});
}

/** Calls `listener` with each new lit gazetteer; returns the function that stops listening. */
export function onLitGazetteerChanged(listener: (g: CompiledGazetteer) => void): () => void {
  const handler = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    const next = changes[LIT_GAZETTEER_KEY]?.newValue;
    if (area === 'local' && isLitGazetteer(next)) listener(next);
  };
  browser.storage.onChanged.addListener(handler);
  return () => browser.storage.onChanged.removeListener(handler);
}
