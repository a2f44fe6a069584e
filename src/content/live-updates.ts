// Keeps the highlights right on a live page. Mutation records are batched and
// handled once per task: removed subtrees are dropped from the index, added
// subtrees and changed text are rescanned, both by the scanner, in slices and
// in the order of the records. The cost follows what changed.
// An element that becomes excluded (an editor, [hidden]) loses its names, and
// one that stops being excluded is scanned: the attributes that decide it are
// watched too.
import { EXCLUSION_ATTRIBUTES, isInsideExcluded } from './dom/exclusions';
import type { Scanner } from './scanner';
import { DOCUMENT_FRAGMENT_NODE, ELEMENT_NODE, TEXT_NODE } from './dom/dom-constants';

export class LiveUpdates {
  private readonly observer: MutationObserver;
  private readonly observed = new WeakSet<Node>();
  /** An open shadow root was found: removed subtrees may hold some, whose text is indexed too. */
  private shadowRootsSeen = false;

  constructor(
    private readonly scanner: Scanner,
    private readonly ownHost: () => Element | null,
    /** Called after a batch was handled, e.g. to restore a cleared registry, with the elements it added. */
    private readonly afterBatch: (added: readonly Element[]) => void,
  ) {
    this.observer = new MutationObserver((records) => this.handle(records));
  }

  observe(root: Document | ShadowRoot | Element): void {
    if (this.observed.has(root)) return;
    this.observed.add(root);
    if (root.nodeType === DOCUMENT_FRAGMENT_NODE) this.shadowRootsSeen = true;
    this.observer.observe(root, { childList: true, subtree: true, characterData: true, attributeFilter: EXCLUSION_ATTRIBUTES });
  }

  disconnect(): void {
    this.observer.disconnect();
  }

  private handle(records: MutationRecord[]): void {
    this.scanner.pageChanged();
    const host = this.ownHost();
    const rescan = new Set<Node>();
    const added: Element[] = [];
    for (const record of records) {
      if (record.type === 'characterData') {
        rescan.add(record.target);
        continue;
      }
      if (record.type === 'attributes') {
        // Excluded now: dropped below; no longer: scanned again (scanning is idempotent).
        rescan.add(record.target);
        continue;
      }
      for (const node of record.removedNodes) this.scanner.drop(node, this.shadowRootsSeen);
      // What is left of a leaf block is read again, whole or not (scanner.ts).
      if (record.removedNodes.length > 0) this.scanner.recheck(record.target);
      for (const node of record.addedNodes) {
        rescan.add(node);
        if (node.nodeType === ELEMENT_NODE) added.push(node as Element);
      }
    }
    for (const node of rescan) {
      if (!node.isConnected) continue;
      if (node === host || isInsideExcluded(node, host)) {
        if (node !== host) {
          this.scanner.drop(node, this.shadowRootsSeen);
          this.scanner.recheck(node);
        }
        continue;
      }
      if (node.nodeType === TEXT_NODE || node.nodeType === ELEMENT_NODE) this.scanner.enqueue(node);
    }
    this.afterBatch(added);
  }
}
