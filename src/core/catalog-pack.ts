// The catalog in the form the background keeps it between starts: the saved
// articles' metadata as JSON, each entity's list as columns of numbers, and
// each article's postings, which IndexedDB copies in a few pieces and which
// the catalog then uses as they are (catalog.ts, its base). Pure.
//
// A catalog says which knowledge base profiled it (`profileKey`) and which
// generation of the saved articles it reflects; one of another format,
// version or knowledge base is refused, and the library is profiled again.
import type { Catalog, CatalogColumns, EntryMeta } from './catalog';
import { describe, isObject } from './guards';

export const CATALOG_FORMAT = 'newscontext-catalog';
/** Bump when the layout below or the entry's shape changes. */
export const CATALOG_VERSION = 2;

export interface PackedCatalog extends CatalogColumns {
  format: typeof CATALOG_FORMAT;
  version: number;
  profileKey: string;
  generation: number;
}

/** The catalog's articles that `keep` accepts (the saved ones), packed. */
export function packCatalog(catalog: Catalog, keep: (meta: EntryMeta) => boolean, profileKey: string, generation: number): PackedCatalog {
  const ids: string[] = [];
  const metas: string[] = [];
  const versions: number[] = [];
  /** Per entity: its postings, as [article, count, weak count, first, prominent]. */
  const byEntity = new Map<string, number[][]>();
  for (const { meta, version, entities } of catalog.live()) {
    if (!keep(meta)) continue;
    const slot = ids.length;
    ids.push(meta.id);
    metas.push(JSON.stringify(meta));
    versions.push(version);
    for (const [entityId, s] of entities) {
      let list = byEntity.get(entityId);
      if (!list) byEntity.set(entityId, (list = []));
      list.push([slot, s.count, s.weakCount, s.first, s.prominent ? 1 : 0]);
    }
  }
  const entityIds = [...byEntity.keys()];
  const total = entityIds.reduce((n, e) => n + byEntity.get(e)!.length, 0);
  const cols = { slots: new Uint32Array(total), counts: new Uint32Array(total), weaks: new Uint32Array(total), firsts: new Uint32Array(total), prominent: new Uint8Array(total) };
  const listStarts = new Uint32Array(entityIds.length + 1);
  const perArticle = new Uint32Array(ids.length + 1);
  let p = 0;
  entityIds.forEach((entityId, e) => {
    listStarts[e] = p;
    for (const [slot, count, weak, first, prominent] of byEntity.get(entityId)!) {
      cols.slots[p] = slot!;
      cols.counts[p] = count!;
      cols.weaks[p] = weak!;
      cols.firsts[p] = first!;
      cols.prominent[p] = prominent!;
      perArticle[slot! + 1]!++;
      p++;
    }
  });
  listStarts[entityIds.length] = p;
  // Each article's postings: counted above, placed by a running sum.
  const postingStarts = new Uint32Array(ids.length + 1);
  for (let s = 0; s < ids.length; s++) postingStarts[s + 1] = postingStarts[s]! + perArticle[s + 1]!;
  const next = postingStarts.slice(0, ids.length);
  const postings = new Uint32Array(total);
  for (let q = 0; q < total; q++) postings[next[cols.slots[q]!]!++] = q;
  return { format: CATALOG_FORMAT, version: CATALOG_VERSION, profileKey, generation, ids, metas, versions: Float64Array.from(versions), entityIds, listStarts, ...cols, postingStarts, postings };
}

/** What keeps a stored catalog from being used as it is, or null. */
export function catalogProblem(v: unknown, profileKey: string): string | null {
  if (!isObject(v) || v.format !== CATALOG_FORMAT) return 'is not a catalog';
  if (v.version !== CATALOG_VERSION) return `has version ${describe(v.version)}, expected ${CATALOG_VERSION}`;
  if (v.profileKey !== profileKey) return 'was profiled with another knowledge base';
  const columns = ['slots', 'counts', 'weaks', 'firsts', 'postings'] as const;
  if (typeof v.generation !== 'number' || !Array.isArray(v.ids) || !Array.isArray(v.metas) || !Array.isArray(v.entityIds) || !(v.versions instanceof Float64Array)) return 'is malformed';
  if (!(v.listStarts instanceof Uint32Array) || !(v.postingStarts instanceof Uint32Array) || columns.some((k) => !(v[k] instanceof Uint32Array)) || !(v.prominent instanceof Uint8Array)) return 'is malformed';
  const n = (v.slots as Uint32Array).length;
  const articles = v.ids.length;
  if (columns.some((k) => (v[k] as Uint32Array).length !== n) || (v.prominent as Uint8Array).length !== n) return 'is malformed';
  if (v.metas.length !== articles || v.versions.length !== articles || v.postingStarts.length !== articles + 1 || v.postingStarts[articles] !== n) return 'is malformed';
  if (v.listStarts.length !== v.entityIds.length + 1 || v.listStarts[v.entityIds.length] !== n) return 'is malformed';
  if ((v.slots as Uint32Array).some((s) => s >= articles) || (v.postings as Uint32Array).some((q) => q >= n)) return 'is malformed';
  return null;
}
