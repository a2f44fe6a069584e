// Filing: which block each entry belongs to and which group each block is
// watched through (paint-state.ts), made as a scan meets them, dropped when
// their last entry goes. Filing knows nothing of the observer: what a filed
// block needs from it, the painter does at the next flush (the pending groups).
import { groupOf, WRAPPER_TAGS } from './dom/blocks';
import type { Block, Group } from './paint-state';

export class BlockFiling {
  private readonly blocks = new Map<Element, Block>();
  private readonly groups = new Map<Element, Group>();
  /** Groups that gained blocks since the last flush (each with `pending` set). */
  private pending: Group[] = [];
  /**
   * The block filed last. A scan meets a paragraph's text nodes one after
   * another: the next one is filed with no look at its tag name and no map
   * lookup (in Firefox, each is a DOM call or a wrapper hash).
   */
  last: Block | null = null;
  /**
   * The parent of the last block filed, when it is the group's element (not a
   * wrapper): the next paragraph of a section has the same one, and is filed
   * under it with no look at its tag name and no map lookup.
   */
  private lastParent: { el: Element; group: Group } | undefined = undefined;

  /** The block filed for an element, if any. */
  block(el: Element): Block | undefined {
    return el === this.last?.el ? this.last : this.blocks.get(el);
  }

  /** The group filed for an element, if any. */
  group(el: Element): Group | undefined {
    return this.groups.get(el);
  }

  /** Whether a block is still filed (not dropped since it was handed out). */
  holds(block: Block): boolean {
    return this.blocks.get(block.el) === block;
  }

  /** Whether a group is still filed (not emptied and dropped since it was handed out). */
  holdsGroup(group: Group): boolean {
    return this.groups.get(group.el) === group;
  }

  /** Files a new block for an element, with no entries yet: the caller adds the first at once. */
  file(el: Element): Block {
    const up = el.parentElement;
    let group = up !== null && up === this.lastParent?.el ? this.lastParent.group : undefined;
    if (!group) {
      const parent = groupOf(el);
      group = this.groups.get(parent);
      if (!group) {
        group = { el: parent, blocks: new Set(), unobserved: [], mode: 'blocks', near: undefined, open: false, pending: false, window: undefined, windowless: false };
        this.groups.set(parent, group);
      }
      // Its group is the parent itself, no wrapper: so for every block under it.
      this.lastParent = up !== null && parent === up && !WRAPPER_TAGS.has(up.localName) ? { el: up, group } : undefined;
    }
    const block: Block = { el, entries: [], group, near: false };
    this.blocks.set(el, block);
    group.blocks.add(block);
    group.unobserved.push(block);
    if (!group.pending) {
      group.pending = true;
      this.pending.push(group);
    }
    return block;
  }

  /**
   * Drops a block whose last entry went, and its group if that was its last
   * block; returns the group if it was dropped.
   */
  drop(block: Block): Group | undefined {
    this.blocks.delete(block.el);
    if (this.last === block) this.last = null;
    const group = block.group;
    group.window?.remove(block);
    group.blocks.delete(block);
    if (group.blocks.size > 0) return undefined;
    if (this.groups.get(group.el) === group) this.groups.delete(group.el);
    if (this.lastParent?.group === group) this.lastParent = undefined;
    return group;
  }

  /** The groups that gained blocks since the last call, their `pending` cleared. */
  takePending(): Group[] {
    const pending = this.pending;
    this.pending = [];
    for (const group of pending) group.pending = false;
    return pending;
  }

  clear(): void {
    this.blocks.clear();
    this.groups.clear();
    this.pending = [];
    this.last = null;
    this.lastParent = undefined;
  }
}
