// What the popup was opened for, read from its URL. The toolbar opens plain
// `popup.html`; the pop-out button opens `popup.html?tab=<id>` for the same
// tab; the entity page's search link opens `popup.html?entity=<id>&view=tab`
// (see pagePath in shared/messages.ts), a search page with no tab behind it.
export interface PopupParams {
  /** The tab to describe; undefined means "the active tab" (or none in a tab view). */
  tabId: number | undefined;
  /** A search to start with. */
  query: string;
  /** An entity to filter by from the start. */
  entityId: string | undefined;
  /** Shown in a browser tab rather than the toolbar popup: wider layout, no pop-out. */
  inTab: boolean;
  /** A search page with no tab context: the active tab is this page itself. */
  searchOnly: boolean;
}

export function parseParams(search: string): PopupParams {
  const p = new URLSearchParams(search);
  const rawTab = p.get('tab');
  const tabId = rawTab !== null && /^\d+$/.test(rawTab) ? Number(rawTab) : undefined;
  const entity = p.get('entity')?.trim();
  const searchOnly = tabId === undefined && p.get('view') === 'tab';
  return {
    tabId,
    query: p.get('q') ?? '',
    entityId: entity ? entity : undefined,
    inTab: tabId !== undefined || searchOnly,
    searchOnly,
  };
}

/** The pop-out URL for a tab: the same view, in a tab of its own. */
export function popOutPath(tabId: number): string {
  return `popup.html?tab=${tabId}`;
}
