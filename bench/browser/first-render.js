// Init script for extension pages (the popup): marks the moment the search
// field enters the DOM ('nc-first-input'), for the popup's time to first
// render. Plain JS on purpose: it is injected as text.
(() => {
  if (!/^(chrome|moz)-extension:$/.test(location.protocol)) return;
  const found = () => document.querySelector('input[type="search"]');
  const mark = () => performance.mark('nc-first-input');
  const observer = new MutationObserver(() => {
    if (!found()) return;
    observer.disconnect();
    mark();
  });
  observer.observe(document, { childList: true, subtree: true });
})();
