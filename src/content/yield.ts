// Yielding to the page between slices of work, so that no task we run is long
// and the page keeps rendering, taking input and running its own tasks while
// we scan.
//
// An ordinary task (a MessageChannel message: no setTimeout clamp) and not
// scheduler.yield(): its continuations go ahead of ordinary tasks, so with it
// alone a 10,000-paragraph page rendered a frame only every ~150 ms and the
// observer callbacks that paint the names in view waited for the end of the
// scan; and, mixed in, a Chromium trace showed the main thread idle for ~8 ms
// after each of its continuations (npm run bench; bench/profile-scan.ts).

export const SLICE_BUDGET_MS = 8;

export function yieldToPage(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** How long to wait for a frame that may never come (a hidden tab renders none). */
const FRAME_WAIT_MS = 100;

/**
 * Resolves in a task after the next frame, when the page's own changes have
 * been laid out, or after FRAME_WAIT_MS if no frame comes.
 */
export function afterNextFrame(): Promise<void> {
  return new Promise((resolve) => {
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(finish, FRAME_WAIT_MS);
    requestAnimationFrame(() => void yieldToPage().then(finish));
  });
}
