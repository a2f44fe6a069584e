// Init script for pages in the browser WITHOUT the extension, when the URL's
// hash says #nc-alone: the time of every animation frame from the document's
// start, so that the page's own gaps between frames after its load can be read
// (bench/highlight.ts, runPageAlone). Plain JS: injected as text.
(() => {
  if (!/nc-alone/.test(location.hash)) return;
  const frames = [];
  Object.defineProperty(window, '__ncFrames', { value: frames });
  const onFrame = () => {
    frames.push(performance.now());
    requestAnimationFrame(onFrame);
  };
  requestAnimationFrame(onFrame);
})();
