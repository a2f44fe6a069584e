// popup-wake.js: the first script of the popup and the side panel, a classic
// script of a few hundred bytes that runs as soon as the page's head is read,
// before the page's modules have loaded. It sends `warm`, with the tab the
// popup describes when its address says (`?tab=`), so that the background
// starts (Chrome stops it after 30 s idle), reads the library, makes its
// matcher and begins the tab's related articles while the page loads; the
// page's own questions then find them ready. It uses the browser's own
// promise-based API (MV3 in both browsers), not the polyfill, to stay small.
import type { Envelope } from '../../shared/messages';
import { parseParams } from '../params';

type Runtime = { sendMessage(message: Envelope<'warm'>): Promise<unknown> };
const api = globalThis as { browser?: { runtime?: Runtime }; chrome?: { runtime?: Runtime } };
const runtime = api.browser?.runtime ?? api.chrome?.runtime;
// Nothing waits for the answer; a failure shows when the page asks its own questions.
// The tab as the popup reads its address, so that the answer begun is the one it asks for.
const { tabId } = parseParams(location.search);
runtime?.sendMessage({ type: 'warm', payload: tabId === undefined ? {} : { tabId } }).catch(() => undefined);
