// The three highlights (one per entity type) in the page's CSS.highlights
// registry, and a fourth for the one name whose card the keyboard opened. The
// registry is shared with the page's own scripts, which may clear it;
// `ensureRegistered` puts ours back on the next update.
import type { EntityType } from '../core/types';
import { ENTITY_TYPES } from '../core/types';

export const HIGHLIGHT_PREFIX = 'newscontext-';

export const highlightName = (type: EntityType | 'current') => HIGHLIGHT_PREFIX + type;

export class HighlightSet {
  private readonly highlights = new Map<EntityType | 'current', Highlight>();
  private registered = false;

  constructor() {
    for (const type of ENTITY_TYPES) {
      const h = new Highlight();
      // Below page highlights of the same priority: the page's own marks win.
      h.priority = -1;
      this.highlights.set(type, h);
    }
    // Above the name's own colour.
    this.highlights.set('current', new Highlight());
  }

  /** The name the keyboard's card is about, marked apart from the others; null: none. */
  setCurrent(range: AbstractRange | null): void {
    const h = this.highlights.get('current')!;
    h.clear();
    if (range) h.add(range);
  }

  add(type: EntityType, range: AbstractRange): void {
    this.highlights.get(type)?.add(range);
  }

  delete(type: EntityType, range: AbstractRange): void {
    this.highlights.get(type)?.delete(range);
  }

  size(): number {
    let n = 0;
    for (const [type, h] of this.highlights) if (type !== 'current') n += h.size;
    return n;
  }

  /** Registers (or re-registers, if the page removed them) our highlights. */
  ensureRegistered(): void {
    for (const [type, h] of this.highlights) {
      const name = highlightName(type);
      if (CSS.highlights.get(name) !== h) CSS.highlights.set(name, h);
    }
    this.registered = true;
  }

  /** True when the page's scripts dropped one of ours from the registry. */
  isDisturbed(): boolean {
    if (!this.registered) return false;
    for (const [type, h] of this.highlights) if (CSS.highlights.get(highlightName(type)) !== h) return true;
    return false;
  }

  unregister(): void {
    for (const [type, h] of this.highlights) {
      const name = highlightName(type);
      if (CSS.highlights.get(name) === h) CSS.highlights.delete(name);
    }
    this.registered = false;
  }

  clear(): void {
    for (const h of this.highlights.values()) h.clear();
  }
}
