// Preact can set innerHTML, for `dangerouslySetInnerHTML`, which we never use.
// addons.mozilla.org's linter rightly flags any innerHTML assignment, so the
// build removes Preact's one: the branch now throws instead of writing HTML,
// which makes the guarantee real rather than a convention. If Preact changes
// that code, the build fails here and says so, instead of shipping it.
import type { Plugin } from 'vite';

const PREACT = /[\\/]preact[\\/]dist[\\/]preact\.mjs$/;
const ASSIGNMENT = /([A-Za-z_$][\w$]*)\.innerHTML=([A-Za-z_$][\w$]*)\.__html/g;
const REFUSAL = '(()=>{throw Error("NewsContext: dangerouslySetInnerHTML is disabled")})()';

export function removeInnerHtml(code: string): string {
  const out = code.replace(ASSIGNMENT, REFUSAL);
  if (out === code) throw new Error('no-inner-html: Preact no longer assigns innerHTML the way this plugin expects; update the pattern');
  if (/\.innerHTML\s*=(?!=)/.test(out)) throw new Error('no-inner-html: Preact still assigns innerHTML after the rewrite');
  return out;
}

export function noInnerHtmlPlugin(): Plugin {
  return {
    name: 'newscontext:no-inner-html',
    enforce: 'pre',
    transform(code, id) {
      return PREACT.test(id) ? { code: removeInnerHtml(code), map: null } : undefined;
    },
  };
}
