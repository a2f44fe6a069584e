// Chromium only: the service worker stopped as Chrome stops an idle one
// (its target closed over CDP, as tests/e2e/background.test.ts does), then
// timed from the reader's side until the library answers: the popup's
// related list, a hover card, a search; and the worker's heap, read over CDP
// from the worker's own target after a garbage collection.
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { cardTimes, clearCardMarks, firstNamePoint } from './page-fns';

type Targets = { targetInfos: Array<{ type: string; targetId: string; url: string }> };

async function workers(cdp: CDPSession, extensionId: string) {
  const { targetInfos } = (await cdp.send('Target.getTargets')) as Targets;
  return targetInfos.filter((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${extensionId}/`));
}

/** Stops the extension's service worker and waits until it is gone. */
export async function stopWorker(context: BrowserContext, page: Page, extensionId: string): Promise<void> {
  const cdp = await context.newCDPSession(page);
  try {
    for (const w of await workers(cdp, extensionId)) await cdp.send('Target.closeTarget', { targetId: w.targetId });
    const deadline = Date.now() + 10_000;
    while ((await workers(cdp, extensionId)).length > 0) {
      if (Date.now() > deadline) throw new Error('the service worker did not stop');
      await new Promise((r) => setTimeout(r, 50));
    }
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

export interface WorkerHeap {
  /** V8's heap in use after a GC. */
  usedBytes: number;
  /** Array buffers' memory outside that heap (where a packed index lives), when the browser reports it. */
  backingBytes: number;
}

/** A request to the service worker's own target, and the end of the session with it. */
export interface WorkerSession {
  send(method: string, params?: object): Promise<Record<string, unknown>>;
  detach(): Promise<void>;
}

/** A session with the extension's running service worker, through a page's CDP session (Playwright has none for workers). */
export async function attachWorker(cdp: CDPSession, extensionId: string): Promise<WorkerSession> {
  const [worker] = await workers(cdp, extensionId);
  if (!worker) throw new Error('no service worker is running');
  const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId: worker.targetId, flatten: false })) as { sessionId: string };
  const pending = new Map<number, (m: { result?: Record<string, unknown>; error?: { message: string } }) => void>();
  cdp.on('Target.receivedMessageFromTarget', (e: { sessionId: string; message: string }) => {
    if (e.sessionId !== sessionId) return;
    const m = JSON.parse(e.message) as { id?: number };
    if (m.id !== undefined) pending.get(m.id)?.(m as never);
  });
  let next = 0;
  return {
    send: (method, params = {}) =>
      new Promise((resolve, reject) => {
        const id = ++next;
        pending.set(id, (m) => (m.error ? reject(new Error(m.error.message)) : resolve(m.result ?? {})));
        void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
      }),
    detach: async () => void (await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => undefined)),
  };
}

/** The running service worker's heap after a garbage collection, from its own target. */
export async function workerHeap(context: BrowserContext, page: Page, extensionId: string): Promise<WorkerHeap> {
  const cdp = await context.newCDPSession(page);
  try {
    const worker = await attachWorker(cdp, extensionId);
    await worker.send('HeapProfiler.collectGarbage');
    const usage = (await worker.send('Runtime.getHeapUsage')) as { usedSize?: number; backingStorageSize?: number };
    await worker.detach();
    return { usedBytes: usage.usedSize ?? NaN, backingBytes: usage.backingStorageSize ?? 0 };
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/** Opens an extension page in a new tab and waits for `selector` to show: when it first did (a frame's time), from the page's navigation start. */
async function timeToShow(context: BrowserContext, url: string, selector: string): Promise<number> {
  const page = await context.newPage();
  try {
    await page.goto(url);
    await page.waitForFunction((s) => s in ((window as unknown as { __ncSeen: object }).__ncSeen ?? {}), selector, { timeout: 60_000 });
    return page.evaluate((s) => (window as unknown as { __ncSeen: Record<string, number> }).__ncSeen[s]!, selector);
  } finally {
    await page.close();
  }
}

export interface ColdContext {
  context: BrowserContext;
  extensionId: string;
  /** A web page naming entities the library knows, scanned, and its tab's id. */
  news: Page;
  tabId: number;
  /** A query the library answers. */
  query: string;
}

/** Worker stopped → the popup for the news tab shows its related articles. */
export async function coldRelated(c: ColdContext): Promise<number> {
  await stopWorker(c.context, c.news, c.extensionId);
  return timeToShow(c.context, `chrome-extension://${c.extensionId}/popup.html?tab=${c.tabId}`, 'ul[data-answers="related"] [data-related-article]');
}

/** Worker stopped → the popup opened for a search shows its first result. */
export async function coldSearch(c: ColdContext): Promise<number> {
  await stopWorker(c.context, c.news, c.extensionId);
  return timeToShow(c.context, `chrome-extension://${c.extensionId}/popup.html?view=tab&q=${encodeURIComponent(c.query)}`, '[data-search-result]');
}

/** Worker stopped → a name hovered on the page: from the card's request (after the hover delay) to its content drawn. */
export async function coldCard(c: ColdContext): Promise<number> {
  await c.news.bringToFront();
  await c.news.mouse.move(2, 2);
  await new Promise((r) => setTimeout(r, 600));
  await c.news.evaluate(clearCardMarks);
  await stopWorker(c.context, c.news, c.extensionId);
  const at = await c.news.evaluate(firstNamePoint);
  if (!at) throw new Error('no highlighted name on screen');
  await c.news.mouse.move(at.x - 3, at.y);
  await c.news.mouse.move(at.x, at.y);
  await c.news.waitForFunction(cardTimes, undefined, { timeout: 60_000 });
  const t = (await c.news.evaluate(cardTimes))!;
  await c.news.mouse.move(2, 2);
  return t.ready - t.request;
}
