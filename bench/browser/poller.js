// Init script for pages in the browser WITH the extension: runs in the page's
// main world before the page's own scripts, when the URL's hash says #nc-bench.
// The page shares CSS.highlights with the content script, so it sees when our
// highlights are registered (the scan starts in that same task) and how many
// ranges are painted (those near the viewport). Plain JS: injected as text.
//
// The content script marks the start and the end of each scan with User Timing
// marks on the page's timeline (newscontext-scan-start / -end). t0 is the
// start mark; scanEnd, the end mark; painted, the end of the frame after
// scanEnd (a task posted from that frame's requestAnimationFrame callback).
// The painted count is then watched 250 ms more: its last change is when the
// names in view were lit.
(() => {
  if (!/nc-bench/.test(location.hash)) return;
  const NAMES = ['newscontext-person', 'newscontext-place', 'newscontext-organisation'];
  /** How often the page looks for the content script's marks (precision comes from the marks). */
  const POLL_MS = 2;
  /** After the scan, how long the painted count is watched for late changes (IntersectionObserver callbacks are ordinary tasks). */
  const SETTLE_MS = 250;
  const state = {
    ref: -1,
    t0: -1,
    seen: -1,
    scanEnd: -1,
    painted: -1,
    /** Painted ranges now, and when that last changed. */
    count: 0,
    lastChange: -1,
    firstChange: -1,
    polls: 0,
    frames: [],
    /** [startTime, duration] of tasks over 50 ms (Long Tasks API, Chromium). */
    longTasks: [],
    /** [startTime, duration, style-layout-paint ms] of frames over 50 ms (Long Animation Frames, Chromium). */
    longFrames: [],
    done: null,
  };
  Object.defineProperty(window, '__ncBench', { value: state });

  const observe = (type, record) => {
    try {
      new PerformanceObserver((list) => list.getEntries().forEach(record)).observe({ type, buffered: true });
    } catch {
      // Not supported here (Firefox): the frame gaps stand in.
    }
  };
  observe('longtask', (e) => state.longTasks.push([e.startTime, e.duration]));
  observe('long-animation-frame', (e) => state.longFrames.push([e.startTime, e.duration, e.renderStart ? e.startTime + e.duration - e.renderStart : 0]));

  const count = () => {
    let n = 0;
    for (const name of NAMES) {
      const h = CSS.highlights.get(name);
      if (h) n += h.size;
    }
    return n;
  };
  /**
   * What is painted, cheaply: per highlight, its size and its first range's
   * node. A change of either is a repaint (ranges leaving and others arriving
   * in one IntersectionObserver callback can leave the count as it was).
   */
  const signature = () => {
    const out = [];
    for (const name of NAMES) {
      const h = CSS.highlights.get(name);
      const first = h && h.size ? h.values().next().value : undefined;
      out.push(h ? h.size : 0, first ? first.startContainer : null);
    }
    return out;
  };
  const same = (a, b) => a.length === b.length && a.every((x, i) => x === b[i]);
  let lastSig = signature();
  const look = (now) => {
    const sig = signature();
    if (same(sig, lastSig)) return;
    lastSig = sig;
    state.count = count();
    state.lastChange = now;
    if (state.firstChange < 0 && state.count > 0) state.firstChange = now;
  };
  /** Watches the painted count for SETTLE_MS more, at every frame and a few times in between. */
  const settle = (watch) =>
    new Promise((resolve) => {
      const until = performance.now() + SETTLE_MS;
      const tick = () => {
        watch();
        if (performance.now() >= until) resolve();
        else setTimeout(tick, 10);
      };
      tick();
    });
  /** Resolves with the time at the end of the next frame. */
  const afterNextFrame = () =>
    new Promise((resolve) =>
      requestAnimationFrame(() => {
        const c = new MessageChannel();
        c.port1.onmessage = () => resolve(performance.now());
        c.port2.postMessage(0);
      }),
    );

  const START_MARK = 'newscontext-scan-start';
  const END_MARK = 'newscontext-scan-end';
  const lastMark = (name) => {
    const list = performance.getEntriesByName(name, 'mark');
    return list.length ? list[list.length - 1].startTime : -1;
  };
  /** Calls onTurn every few ms until the content script marks the end of a scan begun at or after `after`. */
  const whenScanned = (after, onTurn, done) => {
    const tick = () => {
      onTurn(performance.now());
      const start = lastMark(START_MARK);
      const end = lastMark(END_MARK);
      // >=: Firefox's clock ticks in whole milliseconds, and a scan that a
      // mutation starts often begins in the very millisecond of the insertion
      // (with >, the look went on forever now and then: the hung live updates).
      if (start >= after && end >= start) done(start, end);
      else setTimeout(tick, POLL_MS);
    };
    tick();
  };

  let finish;
  state.done = new Promise((resolve) => (finish = resolve));
  const begin = () => {
    performance.mark('nc-bench-ref');
    state.ref = performance.getEntriesByName('nc-bench-ref')[0].startTime;
    const onFrame = () => {
      const now = performance.now();
      state.frames.push(now);
      if (state.seen >= 0) look(now);
      if (state.painted < 0) requestAnimationFrame(onFrame);
    };
    requestAnimationFrame(onFrame);
    whenScanned(
      state.ref,
      (now) => {
        state.polls++;
        if (state.seen >= 0) return look(now);
        if (!CSS.highlights.has(NAMES[0])) return;
        state.seen = now;
        look(now);
      },
      async (start, end) => {
        state.t0 = start;
        state.scanEnd = end;
        state.painted = await afterNextFrame();
        look(state.painted);
        await settle(() => look(performance.now()));
        finish();
      },
    );
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', begin, { once: true });
  else begin();

  /**
   * Live updates: new paragraphs arrive at the top of the article, where the
   * reader is. Resolves with the ms until the painted ranges last changed (the
   * new names in view lit) and until the scan of all of them was over and a
   * frame painted.
   */
  state.append = (html) =>
    new Promise((resolve) => {
      const section = document.createElement('section');
      section.innerHTML = html;
      const article = document.querySelector('article') || document.body;
      const start = performance.now();
      let lastChange = start;
      let sig = signature();
      const before = count();
      article.insertBefore(section, article.firstChild);
      const watch = () => {
        const now = signature();
        if (same(now, sig)) return;
        sig = now;
        lastChange = performance.now();
      };
      const onFrame = () => {
        watch();
        if (!ended) requestAnimationFrame(onFrame);
      };
      let ended = false;
      requestAnimationFrame(onFrame);
      whenScanned(
        start,
        watch,
        async () => {
          const painted = await afterNextFrame();
          watch();
          await settle(watch);
          ended = true;
          resolve({ ms: painted - start, litMs: lastChange - start, before, after: count() });
        },
      );
    });

  /** Completeness: scrolls to the bottom, lets the painter catch up, returns the painted count. */
  state.scrollToBottom = async () => {
    window.scrollTo(0, document.documentElement.scrollHeight);
    for (let i = 0; i < 3; i++) await afterNextFrame();
    await new Promise((resolve) => setTimeout(resolve, 100));
    await afterNextFrame();
    return count();
  };

  /**
   * Removal: the article goes, as when a single-page app moves on. Resolves
   * with the ms of the page's task that removed it, to a task after it: our
   * MutationObserver callback, a microtask, runs inside that task. The same
   * as removalBaseline() in probe.ts, without the extension.
   */
  state.removeArticle = () =>
    new Promise((resolve) => {
      const start = performance.now();
      (document.querySelector('article') || document.body).remove();
      setTimeout(() => resolve(performance.now() - start), 0);
    });
})();
