// Which entity has a spelling, in a knowledge base: by the path it takes in
// the matcher's trie (two entities on one path make createMatcher throw), and
// by its folded form among names and demonyms (what the matcher finds in any
// case). Indexing every alias of the bundled knowledge base takes a while, so
// it is done once per knowledge base; the reader's effective knowledge base
// is that index with the few entities the reader changed or made laid over it.
import { fold } from './fold';
import { triePath } from './inflection';
import type { CompiledEntity, CompiledGazetteer } from './types';

export interface NameIndex {
  /** The entity whose alias takes this trie path. */
  pathOwner(path: string): string | undefined;
  /** The entity with this folded name or demonym. */
  keyOwner(key: string): string | undefined;
}

/** Every trie path an entity's aliases take. */
function entityPaths(e: CompiledEntity): string[] {
  return [...e.aliases.map((a) => triePath(a, false)), ...(e.weak ?? []).map((a) => triePath(a, false)), ...(e.exact ?? []).map((a) => triePath(fold(a), true))];
}

/** Folded names and demonyms: exact aliases are not among them (they match only as written). */
const entityKeys = (e: CompiledEntity): string[] => [...e.aliases, ...(e.weak ?? [])];

class MapIndex implements NameIndex {
  readonly paths = new Map<string, string>();
  readonly keys = new Map<string, string>();
  add(e: CompiledEntity): void {
    for (const p of entityPaths(e)) this.paths.set(p, e.id);
    for (const k of entityKeys(e)) this.keys.set(k, e.id);
  }
  pathOwner(path: string): string | undefined {
    return this.paths.get(path);
  }
  keyOwner(key: string): string | undefined {
    return this.keys.get(key);
  }
}

const built = new WeakMap<CompiledGazetteer, MapIndex>();

function build(g: CompiledGazetteer): MapIndex {
  let index = built.get(g);
  if (!index) {
    index = new MapIndex();
    for (const e of g.entities) index.add(e);
    built.set(g, index);
  }
  return index;
}

/** The index of a whole knowledge base: made once, when first asked (a background that edits nothing never makes it). */
export function indexOf(g: CompiledGazetteer): NameIndex {
  return { pathOwner: (path) => build(g).pathOwner(path), keyOwner: (key) => build(g).keyOwner(key) };
}

/**
 * A knowledge base's index with some of its entities replaced: `changed`
 * names the entities whose spellings the base index no longer tells (the
 * reader changed or made them); their spellings now are added here.
 */
export class LayeredIndex implements NameIndex {
  private readonly mine = new MapIndex();

  constructor(
    private readonly base: NameIndex,
    private readonly changed: ReadonlySet<string>,
  ) {}

  add(e: CompiledEntity): void {
    this.mine.add(e);
  }

  addPath(path: string, id: string): void {
    this.mine.paths.set(path, id);
  }

  addKey(key: string, id: string): void {
    this.mine.keys.set(key, id);
  }

  pathOwner(path: string): string | undefined {
    return this.mine.pathOwner(path) ?? this.unchanged(this.base.pathOwner(path));
  }

  keyOwner(key: string): string | undefined {
    return this.mine.keyOwner(key) ?? this.unchanged(this.base.keyOwner(key));
  }

  private unchanged(id: string | undefined): string | undefined {
    return id !== undefined && !this.changed.has(id) ? id : undefined;
  }
}
