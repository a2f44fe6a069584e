// What the entities page shows, decided by pure functions tested in node:
// the entities in sections (followed, the reader's own, muted, those the
// library names, and, when the reader searches, every other known one),
// filtered by what the reader types, and the follow form's request, checked
// as the background will check it. Components only draw what these return.
import type { EditProblem, EntityEdit } from '../../core/entity-edits';
import { fold } from '../../core/fold';
import { nameProblem, splitAliases } from '../../core/reader-names';
import { ENTITY_TYPES, type EntityType } from '../../core/types';
import type { EntitiesList, EntityListRow } from '../../shared/messages';

export type EntitiesLoad = { status: 'loading' } | { status: 'ready'; list: EntitiesList } | { status: 'error'; message: string };

export type SectionKey = 'followed' | 'own' | 'muted' | 'library' | 'known';

export interface Section {
  key: SectionKey;
  rows: EntityListRow[];
  /** Rows that match but are not shown (the known names beyond KNOWN_SHOWN): the reader narrows the search. */
  hidden: number;
}

/** Known names no article mentions, shown at once for a search: the rest a narrower search away. */
export const KNOWN_SHOWN = 50;

export type EntitiesView =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | {
      kind: 'ready';
      /** Why the stored preferences were refused: shown first, with the way to start again. */
      problem: string | undefined;
      sections: Section[];
      /** No name followed nor made: the page says how to follow one. */
      noneFollowed: boolean;
      /** A search that matched nothing. */
      noMatch: boolean;
      query: string;
      /** Spellings of the reader's left unused because another entity has them now (a newer knowledge base). */
      dropped: Array<{ name: string; alias: string; owner: string }>;
    };

/** Each row's searchable text, folded once: a search runs over every known name on each key typed. */
const haystacks = new WeakMap<EntityListRow, string>();

/** Whether a row answers a search: its name, a spelling, its id, a site it is muted on (folded, any part). */
export function matches(row: EntityListRow, query: string): boolean {
  const q = fold(query.trim().replace(/\s+/g, ' '));
  if (q === '') return true;
  let text = haystacks.get(row);
  if (text === undefined) haystacks.set(row, (text = fold([row.name, row.id, ...row.spellings, ...row.mutedOn].join('\n'))));
  return text.includes(q);
}

const byName = (a: EntityListRow, b: EntityListRow) => a.name.localeCompare(b.name);
const byArticles = (a: EntityListRow, b: EntityListRow) => b.articleCount - a.articleCount || byName(a, b);

/** The section a row belongs to: the first that says something about it. */
export function sectionOf(row: EntityListRow): SectionKey {
  if (row.followed) return 'followed';
  if (row.own) return 'own';
  if (row.muted || row.mutedOn.length > 0) return 'muted';
  return row.articleCount > 0 ? 'library' : 'known';
}

export const SECTION_ORDER: readonly SectionKey[] = ['followed', 'own', 'muted', 'library', 'known'];

export function entitiesView(load: EntitiesLoad, query: string): EntitiesView {
  if (load.status === 'loading') return { kind: 'loading' };
  if (load.status === 'error') return { kind: 'error', message: load.message };
  const { rows, problem } = load.list;
  const nameOf = (id: string) => rows.find((r) => r.id === id)?.name ?? id;
  const searching = query.trim() !== '';
  const groups = new Map<SectionKey, EntityListRow[]>(SECTION_ORDER.map((k) => [k, []]));
  for (const row of rows) if (matches(row, query)) groups.get(sectionOf(row))!.push(row);
  const sections: Section[] = [];
  // A search puts the names that start with what was typed first, then those that hold it, then the other spellings' matches.
  const q = fold(query.trim());
  const rank = (r: EntityListRow) => (!searching ? 0 : fold(r.name).startsWith(q) ? 0 : fold(r.name).includes(q) ? 1 : 2);
  for (const key of SECTION_ORDER) {
    const order = key === 'library' || key === 'known' ? byArticles : byName;
    const list = groups.get(key)!.sort((a, b) => rank(a) - rank(b) || order(a, b));
    // Every known name at once only answers a search; the others are the reader's.
    if (key === 'known' && !searching) continue;
    const shown = key === 'known' ? list.slice(0, KNOWN_SHOWN) : list;
    if (shown.length) sections.push({ key, rows: shown, hidden: list.length - shown.length });
  }
  return {
    kind: 'ready',
    problem,
    sections,
    noneFollowed: !rows.some((r) => r.followed || r.own),
    noMatch: searching && sections.length === 0,
    query,
    dropped: load.list.dropped.map((d) => ({ name: nameOf(d.entityId), alias: d.alias, owner: nameOf(d.ownerId) })),
  };
}

/** The follow form's edit, or the reason it cannot be one: the name, then each alias, as the background checks them. */
export function followEdit(name: string, aliases: string, type: string): { ok: true; edit: EntityEdit } | { ok: false; problem: EditProblem } {
  const names = splitAliases(aliases);
  for (const text of [name, ...names]) {
    const problem = nameProblem(text);
    if (problem) return { ok: false, problem: { kind: 'name', text, problem } };
  }
  const edit: EntityEdit = { kind: 'follow-name', name, ...(names.length ? { aliases: names } : {}) };
  if (ENTITY_TYPES.includes(type as EntityType)) edit.type = type as EntityType;
  return { ok: true, edit };
}

/** The spellings of a row that the reader can take away: all but the name an own entity is found by. */
export function removableSpellings(row: EntityListRow): string[] {
  return row.own ? row.spellings.filter((s) => fold(s) !== fold(row.name)) : row.spellings;
}
