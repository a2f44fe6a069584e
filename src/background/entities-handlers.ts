// The entities page's messages: every entity with how many articles name it
// and what the reader made of it (followed, their own, renamed, spellings
// added or taken away, muted everywhere or on some sites), and the edits.
import { effectiveNames, spellingList } from '../core/effective-kb';
import type { EntityNames } from '../core/entity-names';
import type { EntityPrefs } from '../core/entity-prefs';
import type { Library } from '../core/library';
import type { CompiledEntity } from '../core/types';
import type { EntityListRow, MessageType } from '../shared/messages';
import type { HandlersFor } from './handler-types';
import type { Knowledge } from './knowledge';

export interface EntitiesServices {
  knowledge: Knowledge;
  library(): Promise<Library>;
  /** The bundled spellings (entity-names.json). */
  entityNames(): Promise<EntityNames>;
}

type EntitiesMessage = Extract<MessageType, `entities/${string}`>;

/** Hostname → ids, turned around: id → the hostnames it is muted on. */
function sitesByEntity(mutedOn: EntityPrefs['mutedOn']): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [site, ids] of Object.entries(mutedOn)) for (const id of ids) out.set(id, [...(out.get(id) ?? []), site]);
  return out;
}

/** One row of the entities page. */
export function entityRow(e: CompiledEntity, prefs: EntityPrefs, names: EntityNames, articleCount: number, sites: readonly string[]): EntityListRow {
  const o = prefs.overrides[e.id];
  return {
    id: e.id,
    name: e.name,
    type: e.type,
    description: e.description,
    articleCount,
    followed: prefs.followed.includes(e.id),
    own: prefs.own.some((x) => x.id === e.id),
    muted: prefs.muted.includes(e.id),
    mutedOn: [...sites].sort(),
    spellings: spellingList(effectiveNames(prefs, e.id, names.of(e.id))),
    added: o?.added ?? [],
    removed: o?.removed ?? [],
    renamed: o?.name !== undefined,
  };
}

export function createEntitiesHandlers({ knowledge, library, entityNames }: EntitiesServices): HandlersFor<EntitiesMessage> {
  return {
    async 'entities/list'() {
      await knowledge.ready;
      const [lib, names] = await Promise.all([library(), entityNames()]);
      const prefs = knowledge.prefs();
      const sites = sitesByEntity(prefs.mutedOn);
      const rows = knowledge.gazetteer().entities.map((e) => entityRow(e, prefs, names, lib.entityDocFrequency(e.id), sites.get(e.id) ?? []));
      const problem = knowledge.problem();
      return { rows, dropped: [...knowledge.dropped()], ...(problem !== undefined ? { problem } : {}) };
    },

    async 'entities/edit'({ edit }) {
      const result = await knowledge.edit(edit);
      return result.ok ? { ok: true, outcome: result.outcome } : { ok: false, problem: result.problem };
    },

    async 'entities/reset'() {
      await knowledge.reset();
      return { reset: true };
    },
  };
}
