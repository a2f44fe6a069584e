// The three highlights (one per entity type) in the page's CSS.highlights
// registry, and, only while the keyboard's card is open, a fourth for the one
// name it is about. The registry is shared with the page's own scripts, which
// may clear it; `ensureRegistered` puts ours back on the next update.
import type { EntityType } from '../core/types';
import { ENTITY_TYPES } from '../core/types';

export const HIGHLIGHT_PREFIX = 'newscontext-';

export const highlightName = (type: EntityType | 'current') => HIGHLIGHT_PREFIX + type;

const CURRENT = highlightName('current');

export class HighlightSet {
  private readonly highlights = new Map<EntityType, Highlight>();
  /** Above the name's own colour (priority 0 against -1); in the registry only while it marks a name. */
  private readonly current = new Highlight();
  private registered = false;

  constructor() {
    for (const type of ENTITY_TYPES) {
      const h = new Highlight();
      // Below page highlights of the same priority: the page's own marks win.
      h.priority = -1;
      this.highlights.set(type, h);
    }
  }

  /** The name the keyboard's card is about, marked apart from the others; null: none. */
  setCurrent(range: AbstractRange | null): void {
    this.current.clear();
    if (range) this.current.add(range);
    this.registerCurrent();
  }

  add(type: EntityType, range: AbstractRange): void {
    this.highlights.get(type)?.add(range);
  }

  delete(type: EntityType, range: AbstractRange): void {
    this.highlights.get(type)?.delete(range);
  }

  /** Registers (or re-registers, if the page removed them) our highlights. */
  ensureRegistered(): void {
    for (const [type, h] of this.highlights) {
      const name = highlightName(type);
      if (CSS.highlights.get(name) !== h) CSS.highlights.set(name, h);
    }
    this.registered = true;
    this.registerCurrent();
  }

  /** True when the page's scripts dropped one of ours from the registry. */
  isDisturbed(): boolean {
    if (!this.registered) return false;
    for (const [type, h] of this.highlights) if (CSS.highlights.get(highlightName(type)) !== h) return true;
    return this.current.size > 0 && CSS.highlights.get(CURRENT) !== this.current;
  }

  unregister(): void {
    for (const [type, h] of this.highlights) {
      const name = highlightName(type);
      if (CSS.highlights.get(name) === h) CSS.highlights.delete(name);
    }
    if (CSS.highlights.get(CURRENT) === this.current) CSS.highlights.delete(CURRENT);
    this.registered = false;
  }

  clear(): void {
    for (const h of this.highlights.values()) h.clear();
    this.current.clear();
    this.registerCurrent();
  }

  private registerCurrent(): void {
    const inRegistry = CSS.highlights.get(CURRENT) === this.current;
    if (this.registered && this.current.size > 0 && !inRegistry) CSS.highlights.set(CURRENT, this.current);
    else if ((!this.registered || this.current.size === 0) && inRegistry) CSS.highlights.delete(CURRENT);
  }
}
