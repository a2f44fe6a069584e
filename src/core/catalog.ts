// The catalog: what the library knows of each article but its text (its
// metadata and entity profile), and the lists of the articles naming each
// entity, with how each names it. Pure.
//
// It has two layers. The base is a packed catalog (catalog-pack.ts) used as
// it was read from IndexedDB: columns of numbers by entity, an index from
// each article to its postings, and each article's metadata as JSON, parsed
// when asked for; loading it makes no object per article or per profile.
// Articles put in later go to the second layer, plain arrays. Removing an
// article marks it dead; its postings are skipped until the next snapshot
// packs the catalog again. Profiles are made only when asked for (entry).
import type { EntityProfile, EntityStat, LibraryEntry } from './types';

export type EntryMeta = Omit<LibraryEntry, 'entities'>;

/** A packed catalog's columns, as the base layer reads them (catalog-pack.ts PackedCatalog). */
export interface CatalogColumns {
  ids: string[];
  /** Each article's metadata, as JSON. */
  metas: string[];
  versions: Float64Array;
  entityIds: string[];
  listStarts: Uint32Array;
  slots: Uint32Array;
  counts: Uint32Array;
  weaks: Uint32Array;
  firsts: Uint32Array;
  prominent: Uint8Array;
  /** Per article, where its postings' numbers start in `postings`, and where the last ends. */
  postingStarts: Uint32Array;
  /** Postings (indices into the columns above), by article. */
  postings: Uint32Array;
}

/** One entity's list in the second layer: parallel columns, by posting. */
interface List {
  slots: number[];
  counts: number[];
  weaks: number[];
  firsts: number[];
  prominent: number[];
}

/** Visits an article naming an entity, with how it names it. */
export type NamingVisitor = (id: string, count: number, weakCount: number, prominent: boolean) => void;

const NO_COLUMNS: CatalogColumns = {
  ids: [],
  metas: [],
  versions: new Float64Array(0),
  entityIds: [],
  listStarts: new Uint32Array(1),
  slots: new Uint32Array(0),
  counts: new Uint32Array(0),
  weaks: new Uint32Array(0),
  firsts: new Uint32Array(0),
  prominent: new Uint8Array(0),
  postingStarts: new Uint32Array(1),
  postings: new Uint32Array(0),
};

export class Catalog {
  private base: CatalogColumns = NO_COLUMNS;
  /** Per base entity: its index in `lists`. */
  private baseEntity: number[] = [];
  /** Per posting of the base: its entity's index in `entityIds`. */
  private postingEntity = new Uint32Array(0);
  /** Per slot: alive or not (removed, or replaced). */
  private readonly alive: boolean[] = [];
  /** Metadata by slot: the second layer's, and the base's once parsed. */
  private readonly metas: Array<EntryMeta | undefined> = [];
  private readonly versions: number[] = [];
  /** Per second-layer slot: its postings, as pairs of entity index and position in that entity's list. */
  private readonly forward = new Map<number, number[]>();
  private readonly slotById = new Map<string, number>();
  private readonly entityIds: string[] = [];
  private readonly entityIndex = new Map<string, number>();
  private readonly lists: List[] = [];
  /** Per entity index: the base's list, as [from, to) of its columns, if it has one. */
  private readonly baseRuns: Array<[number, number] | undefined> = [];
  /** How many live articles name each entity. */
  private readonly df = new Map<string, number>();

  /** Loads a packed catalog as the base; only into an empty catalog. */
  loadBase(c: CatalogColumns): void {
    if (this.metas.length > 0) throw new Error('Catalog.loadBase: the catalog is not empty');
    this.base = c;
    const n = c.ids.length;
    for (let s = 0; s < n; s++) {
      this.slotById.set(c.ids[s]!, s);
      this.alive.push(true);
      this.metas.push(undefined);
      this.versions.push(c.versions[s]!);
    }
    this.postingEntity = new Uint32Array(c.slots.length);
    this.baseEntity = c.entityIds.map((entityId, b) => {
      const e = this.entity(entityId);
      const from = c.listStarts[b]!;
      const to = c.listStarts[b + 1]!;
      this.baseRuns[e] = [from, to];
      this.postingEntity.fill(e, from, to);
      this.df.set(entityId, to - from);
      return e;
    });
  }

  get size(): number {
    return this.slotById.size;
  }

  has(id: string): boolean {
    return this.slotById.has(id);
  }

  ids(): IterableIterator<string> {
    return this.slotById.keys();
  }

  private metaAt(slot: number): EntryMeta {
    return (this.metas[slot] ??= JSON.parse(this.base.metas[slot]!) as EntryMeta);
  }

  meta(id: string): EntryMeta | undefined {
    const slot = this.slotById.get(id);
    return slot === undefined ? undefined : this.metaAt(slot);
  }

  version(id: string): number | undefined {
    const slot = this.slotById.get(id);
    return slot === undefined ? undefined : this.versions[slot];
  }

  /** How many live articles have a version over `at`. */
  countVersionsOver(at: number): number {
    let n = 0;
    for (const slot of this.slotById.values()) if (this.versions[slot]! > at) n++;
    return n;
  }

  /** The article's entry, its profile made from the lists. */
  entry(id: string): LibraryEntry | undefined {
    const slot = this.slotById.get(id);
    if (slot === undefined) return undefined;
    const entities: EntityProfile = {};
    this.forEachPosting(slot, (entity, stat) => (entities[this.entityIds[entity]!] = stat()));
    return { ...this.metaAt(slot), entities };
  }

  /** How the article names the entity, or undefined when it does not. */
  stat(id: string, entityId: string): EntityStat | undefined {
    const slot = this.slotById.get(id);
    const wanted = this.entityIndex.get(entityId);
    if (slot === undefined || wanted === undefined) return undefined;
    const b = this.base;
    if (slot < b.ids.length) {
      for (let k = b.postingStarts[slot]!; k < b.postingStarts[slot + 1]!; k++) {
        const p = b.postings[k]!;
        if (this.postingEntity[p] === wanted) return { count: b.counts[p]!, weakCount: b.weaks[p]!, first: b.firsts[p]!, prominent: b.prominent[p] === 1 };
      }
      return undefined;
    }
    const f = this.forward.get(slot) ?? [];
    for (let k = 0; k < f.length; k += 2) {
      if (f[k] !== wanted) continue;
      const l = this.lists[wanted]!;
      const at = f[k + 1]!;
      return { count: l.counts[at]!, weakCount: l.weaks[at]!, first: l.firsts[at]!, prominent: l.prominent[at] === 1 };
    }
    return undefined;
  }

  /** Each posting of a slot: its entity's index, and its stat, made when asked for. */
  private forEachPosting(slot: number, visit: (entity: number, stat: () => EntityStat) => void): void {
    const b = this.base;
    if (slot < b.ids.length) {
      for (let k = b.postingStarts[slot]!; k < b.postingStarts[slot + 1]!; k++) {
        const p = b.postings[k]!;
        visit(this.postingEntity[p]!, () => ({ count: b.counts[p]!, weakCount: b.weaks[p]!, first: b.firsts[p]!, prominent: b.prominent[p] === 1 }));
      }
      return;
    }
    const f = this.forward.get(slot) ?? [];
    for (let k = 0; k < f.length; k += 2) {
      const l = this.lists[f[k]!]!;
      const at = f[k + 1]!;
      visit(f[k]!, () => ({ count: l.counts[at]!, weakCount: l.weaks[at]!, first: l.firsts[at]!, prominent: l.prominent[at] === 1 }));
    }
  }

  /** Adds the article, or puts it in the place of the one with its id. */
  put(meta: EntryMeta, profile: EntityProfile, version: number): void {
    this.remove(meta.id);
    const slot = this.metas.length;
    this.metas.push(meta);
    this.alive.push(true);
    this.versions.push(version);
    this.slotById.set(meta.id, slot);
    const f: number[] = [];
    for (const [entityId, s] of Object.entries(profile)) {
      const entity = this.entity(entityId);
      const l = this.lists[entity]!;
      f.push(entity, l.slots.length);
      l.slots.push(slot);
      l.counts.push(s.count);
      l.weaks.push(s.weakCount);
      l.firsts.push(s.first);
      l.prominent.push(s.prominent ? 1 : 0);
      this.df.set(entityId, (this.df.get(entityId) ?? 0) + 1);
    }
    this.forward.set(slot, f);
  }

  remove(id: string): boolean {
    const slot = this.slotById.get(id);
    if (slot === undefined) return false;
    this.forEachPosting(slot, (entity) => {
      const entityId = this.entityIds[entity]!;
      const n = (this.df.get(entityId) ?? 1) - 1;
      if (n > 0) this.df.set(entityId, n);
      else this.df.delete(entityId);
    });
    this.slotById.delete(id);
    this.alive[slot] = false;
    this.metas[slot] = undefined;
    this.forward.delete(slot);
    return true;
  }

  private entity(entityId: string): number {
    let entity = this.entityIndex.get(entityId);
    if (entity === undefined) {
      entity = this.entityIds.length;
      this.entityIds.push(entityId);
      this.entityIndex.set(entityId, entity);
      this.lists.push({ slots: [], counts: [], weaks: [], firsts: [], prominent: [] });
    }
    return entity;
  }

  /** How many articles name each entity; an entity no article names is absent. */
  frequencies(): ReadonlyMap<string, number> {
    return this.df;
  }

  /** Visits every live article naming the entity, in the order they were put in. */
  forEachNaming(entityId: string, visit: NamingVisitor): void {
    this.forEachNamingSlot(entityId, (slot, count, weakCount, prominent) => visit(this.idAt(slot), count, weakCount, prominent));
  }

  /** forEachNaming by slot: each article's number in this catalog (below slotCount). */
  forEachNamingSlot(entityId: string, visit: (slot: number, count: number, weakCount: number, prominent: boolean) => void): void {
    const entity = this.entityIndex.get(entityId);
    if (entity === undefined) return;
    const b = this.base;
    const run = this.baseRuns[entity];
    if (run) {
      for (let p = run[0]; p < run[1]; p++) {
        const slot = b.slots[p]!;
        if (this.alive[slot]) visit(slot, b.counts[p]!, b.weaks[p]!, b.prominent[p] === 1);
      }
    }
    const l = this.lists[entity]!;
    for (let i = 0; i < l.slots.length; i++) {
      const slot = l.slots[i]!;
      if (this.alive[slot]) visit(slot, l.counts[i]!, l.weaks[i]!, l.prominent[i] === 1);
    }
  }

  /** How many slots there are, live or not: every slot is below it. */
  get slotCount(): number {
    return this.alive.length;
  }

  /** The id of a live article's slot. */
  idAt(slot: number): string {
    return slot < this.base.ids.length ? this.base.ids[slot]! : this.metas[slot]!.id;
  }

  slotOf(id: string): number | undefined {
    return this.slotById.get(id);
  }

  /** The ids of the articles naming the entity. */
  naming(entityId: string): string[] {
    const ids: string[] = [];
    this.forEachNaming(entityId, (id) => ids.push(id));
    return ids;
  }

  /** The live articles in order, with their metadata, version and profile, for packing (catalog-pack.ts). */
  *live(): Generator<{ meta: EntryMeta; version: number; entities: Array<[string, EntityStat]> }> {
    for (let s = 0; s < this.alive.length; s++) {
      if (!this.alive[s]) continue;
      const entities: Array<[string, EntityStat]> = [];
      this.forEachPosting(s, (entity, stat) => entities.push([this.entityIds[entity]!, stat()]));
      yield { meta: this.metaAt(s), version: this.versions[s]!, entities };
    }
  }
}
