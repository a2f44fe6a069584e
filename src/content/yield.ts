// Yielding to the page between slices of work, so that no task we run is long
// and the page keeps rendering, taking input and running its own tasks while
// we scan.
//
// An ordinary task (a MessageChannel message: no setTimeout clamp) and not
// scheduler.yield(): its continuations go ahead of ordinary tasks, so with it
// a long page renders frames far apart, and the observer callbacks that paint
// the names in view wait for the end of the scan.

export const SLICE_BUDGET_MS = 8;

/**
 * One channel for every yield, its messages answered in the order they were
 * posted: making a MessageChannel costs several times a message on one kept.
 */
let channel: MessageChannel | undefined;
const waiting: Array<() => void> = [];

export function yieldToPage(): Promise<void> {
  return new Promise((resolve) => {
    if (!channel) {
      channel = new MessageChannel();
      channel.port1.onmessage = () => waiting.shift()?.();
    }
    waiting.push(resolve);
    channel.port2.postMessage(null);
  });
}

/** How long to wait for a frame that may never come (a hidden tab renders none). */
const FRAME_WAIT_MS = 100;

/**
 * Resolves in a task after the next frame, when the page's own changes have
 * been laid out, or after FRAME_WAIT_MS if no frame comes; with whether one came.
 */
export function afterNextFrame(): Promise<boolean> {
  return new Promise((resolve) => {
    let done = false;
    const finish = (framed: boolean) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      resolve(framed);
    };
    const timer = setTimeout(() => finish(false), FRAME_WAIT_MS);
    requestAnimationFrame(() => void yieldToPage().then(() => finish(true)));
  });
}

/**
 * After this long without a frame, the next slice of a scan waits for one.
 * Firefox does not always render between our slices, however short they are;
 * waiting keeps the page's gaps between frames under 50 ms (npm run bench,
 * "longest frame gap"), for a little longer to the end of the scan. Chromium
 * renders between slices on its own, and seldom waits.
 */
const FRAME_STARVED_MS = 40;

/** When the page last rendered a frame that we saw. */
let lastFrame = -Infinity;
let frameWatched = false;
/**
 * False once a wait for a frame timed out: a frame that is not displayed
 * (display: none) renders none, and waiting for each would slow its scan
 * tenfold. True again when a frame comes.
 */
let framesCome = true;

function watchFrame(): void {
  if (frameWatched) return;
  frameWatched = true;
  requestAnimationFrame(() => {
    frameWatched = false;
    framesCome = true;
    lastFrame = performance.now();
  });
}

/**
 * Yields between two slices of a scan: a task's turn for the page, or, when it
 * has not rendered for FRAME_STARVED_MS, the wait for its next frame. A hidden
 * tab renders no frames and is not waited for.
 */
export async function yieldSlice(): Promise<void> {
  const now = performance.now();
  if (lastFrame === -Infinity) lastFrame = now;
  watchFrame();
  if (document.hidden || !framesCome || now - lastFrame <= FRAME_STARVED_MS) return yieldToPage();
  framesCome = await afterNextFrame();
}
