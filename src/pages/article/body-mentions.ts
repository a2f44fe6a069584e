// Finds the entities in an article's lead and paragraphs once, for both the
// highlighted body and the list of who and what the article names (most
// mentioned first, names counting more than demonyms).
import type { Mention } from '../../core/types';

export interface BodyMentions {
  /** Mentions per block: the lead first, then each paragraph. */
  blocks: Mention[][];
  /** Entity ids, most mentioned first. */
  ranked: string[];
}

export function bodyMentions(blocks: readonly string[], find: (text: string) => Mention[], known: readonly string[] = []): BodyMentions {
  const found = blocks.map((text) => find(text));
  const score = new Map<string, number>(known.map((id) => [id, 0]));
  for (const m of found.flat()) score.set(m.entityId, (score.get(m.entityId) ?? 0) + (m.weak ? 0.4 : 1));
  const ranked = [...score.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([id]) => id);
  return { blocks: found, ranked };
}
