// Which tab the side panel describes, as the reader moves around: the active
// tab of the panel's own window, never the panel itself when it is opened as a
// page in a tab (then it keeps describing the tab before). And the popup
// parameters that describe it. Pure: tested in node.
import type { PopupParams } from '../../popup/params';

export type Followed =
  | { status: 'resolving' }
  /** No tab to describe (the panel is the only tab): search only. */
  | { status: 'none' }
  /** `loads` counts the page loads seen in the tab, so the view asks afresh after each. */
  | { status: 'tab'; tabId: number; loads: number };

export interface FollowContext {
  /** The window the panel lives in. */
  windowId: number | undefined;
  /** The panel's own tab, when it is a page in a tab rather than a side panel. */
  ownTabId: number | undefined;
}

/** The tab to describe after the reader activated `tabId` in `windowId`, given the one described now. */
export function nextFollowed(current: number | undefined, activated: { tabId: number | undefined; windowId: number | undefined }, ctx: FollowContext): number | undefined {
  if (activated.windowId !== undefined && ctx.windowId !== undefined && activated.windowId !== ctx.windowId) return current;
  if (activated.tabId === undefined || activated.tabId === ctx.ownTabId) return current;
  return activated.tabId;
}

/** The popup's parameters for the followed tab: a view "in a tab" (no pop-out; links open tabs and it stays). */
export function panelParams(followed: Followed): PopupParams {
  const tabId = followed.status === 'tab' ? followed.tabId : undefined;
  return { tabId, query: '', entityId: undefined, inTab: true, searchOnly: tabId === undefined };
}
