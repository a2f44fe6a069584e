// Content script of the probe extension (bench/probe-extension.ts): runs the
// probe's functions in a content script's world when the page asks, so that
// the same pipeline can be timed where our content script lives (isolated
// world in Chromium, Xray wrappers in Firefox). Plain JS: injected as is.
window.addEventListener('message', async (event) => {
  const data = event.data;
  if (event.source !== window || !data || data.type !== 'nc-probe-request') return;
  let result;
  try {
    // The arguments come from the page: in Firefox, objects read through Xray
    // wrappers, each property read crossing them. A copy made here is our own:
    // the matcher built from the gazetteer otherwise ran three times slower.
    const args = JSON.parse(JSON.stringify(data.args));
    result = { ok: await __ncProbe[data.fn](...args) };
  } catch (e) {
    result = { error: String(e && e.message ? e.message : e) };
  }
  window.postMessage({ type: 'nc-probe-response', id: data.id, result: JSON.stringify(result) }, '*');
});
