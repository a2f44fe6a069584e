// yieldSlice(): a scan waits for the page's next frame only when the page has
// not rendered for a while, never in a hidden tab, and stops waiting where no
// frame comes. Frames and the clock are simulated; the module is loaded afresh
// for each test, as it keeps when it last saw a frame.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

let clock = 0;
let frames: Array<(t: number) => void> = [];
const doc = { hidden: false };

beforeEach(() => {
  vi.resetModules();
  clock = 0;
  frames = [];
  doc.hidden = false;
  vi.spyOn(performance, 'now').mockImplementation(() => clock);
  vi.stubGlobal('requestAnimationFrame', (cb: (t: number) => void) => frames.push(cb));
  vi.stubGlobal('document', doc);
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

/** Renders a frame: runs the animation frame callbacks queued so far. */
function frame(): void {
  const due = frames;
  frames = [];
  for (const cb of due) cb(clock);
}

/** Whether the promise settles within `ms` of real time. */
async function settles(p: Promise<unknown>, ms = 30): Promise<boolean> {
  return Promise.race([p.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), ms))]);
}

describe('yieldSlice', () => {
  it('only yields a task while the page renders, and waits for its frame once it has not for 40 ms', async () => {
    const { yieldSlice } = await import('../../src/content/yield');
    expect(await settles(yieldSlice())).toBe(true);
    frame();
    clock = 30;
    expect(await settles(yieldSlice())).toBe(true);
    clock = 75; // 75 ms since the last frame
    const waiting = yieldSlice();
    expect(await settles(waiting)).toBe(false);
    frame();
    expect(await settles(waiting)).toBe(true);
    clock = 90; // a frame came at 75
    expect(await settles(yieldSlice())).toBe(true);
  });

  it('never waits in a hidden tab', async () => {
    const { yieldSlice } = await import('../../src/content/yield');
    await yieldSlice();
    doc.hidden = true;
    clock = 500;
    expect(await settles(yieldSlice())).toBe(true);
  });

  it('stops waiting where a wait timed out (a frame not displayed), until a frame comes again', async () => {
    const { yieldSlice } = await import('../../src/content/yield');
    await yieldSlice();
    clock = 100;
    // No frame: the wait ends after its timeout (100 ms, real time).
    expect(await settles(yieldSlice(), 400)).toBe(true);
    clock = 300;
    expect(await settles(yieldSlice())).toBe(true);
    // Frames come again: waits resume when they stop.
    frame();
    clock = 400;
    expect(await settles(yieldSlice())).toBe(false);
  });
});

describe('yieldToPage', () => {
  it('resumes in a later task, in the order asked, through one channel kept for all yields', async () => {
    let made = 0;
    const Real = MessageChannel;
    vi.stubGlobal(
      'MessageChannel',
      class extends Real {
        constructor() {
          super();
          made++;
        }
      },
    );
    const { yieldToPage } = await import('../../src/content/yield');
    const order: number[] = [];
    const all = Promise.all([1, 2, 3].map((i) => yieldToPage().then(() => order.push(i))));
    // Not within the current task's microtasks.
    await Promise.resolve();
    await Promise.resolve();
    expect(order).toEqual([]);
    await all;
    expect(order).toEqual([1, 2, 3]);
    await yieldToPage();
    expect(made).toBe(1);
  });
});
