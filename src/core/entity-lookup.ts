// Which entity a spelling names, in a (reader's effective) knowledge base:
// what following a selected name links to, and whom a new alias would be
// taken from. The matcher reads the spelling as it reads a page (inflected
// Russian forms, "Путина", are Putin's), and the trie paths catch the
// spellings createMatcher itself would refuse.
import { normalizeName } from './entity-compile';
import { readerAlias } from './effective-kb';
import { fold } from './fold';
import { indexOf, type NameIndex } from './name-index';
import type { CompiledEntity, CompiledGazetteer, Mention } from './types';

export interface EntityLookup {
  entity(id: string): CompiledEntity | undefined;
  /** The entity this spelling names on its own, if any. */
  named(text: string): CompiledEntity | undefined;
  /** An entity other than `selfId` that has this spelling: by the matcher's reading, or by its trie path. */
  claim(text: string, selfId?: string): CompiledEntity | undefined;
}

/** A name typed in lower case ("chile", "путина") read as a page would write it. */
const capitalised = (t: string): string => (t === '' ? t : t[0]!.toUpperCase() + t.slice(1));

/** `index`: who has which spelling in `g` (effective-kb.ts gives the reader's; by default it is made from `g`). */
export function createLookup(g: CompiledGazetteer, find: (text: string) => Mention[], index: NameIndex = indexOf(g)): EntityLookup {
  const byId = new Map(g.entities.map((e) => [e.id, e]));

  const whole = (t: string): CompiledEntity | undefined => {
    const found = find(t);
    const m = found.length === 1 ? found[0]! : undefined;
    return m && m.start === 0 && m.end === t.length ? byId.get(m.entityId) : undefined;
  };

  const named = (text: string): CompiledEntity | undefined => {
    const t = normalizeName(text);
    if (t === '') return undefined;
    const byKey = index.keyOwner(fold(t));
    return whole(t) ?? whole(capitalised(t)) ?? (byKey !== undefined ? byId.get(byKey) : undefined);
  };

  return {
    entity: (id) => byId.get(id),
    named,
    claim(text, selfId) {
      const reader = named(text);
      if (reader && reader.id !== selfId) return reader;
      const owner = index.pathOwner(readerAlias(text).path);
      return owner !== undefined && owner !== selfId ? byId.get(owner) : undefined;
    },
  };
}
