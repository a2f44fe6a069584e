// What the popup can say about the current tab, decided from what the
// background knows (the content script's report) and, when we have it, the
// tab's URL. The popup has no "tabs" permission, so the URL is usually
// unknown until the content script reports it: a tab with no report and no
// URL is most likely one the browser keeps extensions out of.
import type { TabState } from '../shared/messages';

export type PageStatus =
  /** No tab behind this view (the search page opened in a tab of its own). */
  | { kind: 'none' }
  /** Still asking the background. */
  | { kind: 'loading' }
  /** Extensions cannot run here (browser pages, extension stores) or the page never reported. */
  | { kind: 'unavailable'; reason: UnavailableReason }
  /** Highlighting is paused on this site: the page reported nothing on purpose. */
  | { kind: 'paused'; url: string }
  /** The page names nothing in the library. */
  | { kind: 'empty'; url: string }
  | { kind: 'ready'; url: string; state: TabState };

/**
 * restricted: the URL is one extensions cannot read; unscanned: a web page that
 * never reported (opened before the extension was installed); unknown: no URL.
 */
export type UnavailableReason = 'restricted' | 'unscanned' | 'unknown';

// Schemes where no content script runs, in Chrome and Firefox.
const RESTRICTED_SCHEMES = /^(?:chrome|chrome-extension|chrome-search|chrome-untrusted|devtools|edge|brave|opera|vivaldi|about|moz-extension|resource|view-source|data|javascript):/i;

// Extension stores: browsers block content scripts there.
const STORE_HOSTS: Array<[host: string, path: string]> = [
  ['chrome.google.com', '/webstore'],
  ['chromewebstore.google.com', '/'],
  ['addons.mozilla.org', '/'],
  ['microsoftedge.microsoft.com', '/addons'],
];

/** True for URLs where the browser does not let an extension read the page. */
export function isRestrictedUrl(url: string): boolean {
  if (RESTRICTED_SCHEMES.test(url)) return true;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return true;
  }
  return STORE_HOSTS.some(([host, path]) => parsed.hostname === host && parsed.pathname.startsWith(path));
}

export interface StatusInput {
  /** The background's answer; undefined while still waiting. */
  state: TabState | null | undefined;
  /** The tab's URL as the tabs API gave it (often undefined without the "tabs" permission). */
  tabUrl: string | undefined;
  /** Whether the tab's site is in the paused list. */
  paused: (url: string) => boolean;
}

export function pageStatus({ state, tabUrl, paused }: StatusInput): PageStatus {
  if (state === undefined) return { kind: 'loading' };
  if (state === null) {
    const reason = !tabUrl ? 'unknown' : isRestrictedUrl(tabUrl) ? 'restricted' : 'unscanned';
    return { kind: 'unavailable', reason };
  }
  const url = state.url || tabUrl || '';
  if (paused(url)) return { kind: 'paused', url };
  if (state.entities.length === 0) return { kind: 'empty', url };
  return { kind: 'ready', url, state };
}

/** The URL whose site the pause toggle acts on, when there is one. */
export function statusUrl(status: PageStatus): string | undefined {
  return 'url' in status && status.url !== '' ? status.url : undefined;
}
