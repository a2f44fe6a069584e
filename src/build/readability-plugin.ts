// Readability assigns innerHTML twice, both times to nodes of the copy of
// the page it works on: to restore that copy between its attempts, and to
// read an image out of a <noscript>. Neither can run a script there (the copy
// has no browsing context), but addons.mozilla.org's linter rightly flags
// every innerHTML assignment, and extract.js ships in the extension. The
// build rewrites both: the copy is kept as nodes instead of markup, and the
// <noscript> image is left where it is. That step never runs on our copies
// anyway: a page with scripting on holds a <noscript>'s content as text, so
// Readability finds no image in it, and we keep no images. If Readability's
// code changes, the build fails here and says so.
import type { Plugin } from 'vite';

const READABILITY = /[\\/]@mozilla[\\/]readability[\\/]Readability\.js$/;

const REWRITES: ReadonlyArray<[from: string, to: string]> = [
  ['var pageCacheHtml = page.innerHTML;', 'var pageCacheHtml = page.cloneNode(true);'],
  ['page.innerHTML = pageCacheHtml;', 'page.replaceChildren(...pageCacheHtml.cloneNode(true).childNodes);'],
  ['tmp.innerHTML = noscript.innerHTML;', 'return;'],
];

export function rewriteReadability(code: string): string {
  let out = code;
  for (const [from, to] of REWRITES) {
    if (!out.includes(from)) throw new Error(`readability-plugin: Readability no longer has "${from}"; update the rewrite`);
    out = out.split(from).join(to);
  }
  if (/\.innerHTML\s*=(?!=)/.test(out)) throw new Error('readability-plugin: Readability still assigns innerHTML after the rewrite');
  return out;
}

export function readabilityPlugin(): Plugin {
  return {
    name: 'newscontext:readability',
    enforce: 'pre',
    transform(code, id) {
      return READABILITY.test(id) ? { code: rewriteReadability(code), map: null } : undefined;
    },
  };
}
