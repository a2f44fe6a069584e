// Live updates: once the initial scan is done, paragraphs arrive at the top of
// the article, where the reader is; how long until the new names in view are
// lit, and until the content script has scanned all of them (its
// MutationObserver, a rescan of the added subtree, and the frames the browser
// renders in between). The rest are painted when scrolled to. The page-side half is __ncBench.append in
// bench/browser/poller.js.
import type { BenchPage } from './browsers';

export interface LiveRun {
  /** From the insertion to the end of the content script's scan of it, and the frame after. */
  ms: number;
  /** From the insertion to the last change of the painted ranges: the new names in view lit. */
  litMs: number;
  /** Ranges painted before and after. */
  before: number;
  after: number;
}

export async function appendAndTime(page: BenchPage, html: string): Promise<LiveRun> {
  return page.evaluate<LiveRun>(`__ncBench.append(${JSON.stringify(html)})`);
}
