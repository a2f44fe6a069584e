// The one URL an article is known by, so that saving it again (from a link
// with tracking parameters, from its AMP page, after the reader scrolled to an
// anchor) finds the same record. Pure: the page's candidates come from
// src/content/extract/page-meta.ts.

/** Query parameters that say where a click came from, not what the page is. */
const TRACKING_PARAMS = new Set([
  'fbclid', 'gclid', 'gclsrc', 'dclid', 'gbraid', 'wbraid', 'msclkid', 'yclid', 'twclid', 'ttclid', 'li_fat_id',
  'igshid', 'igsh', 'mc_cid', 'mc_eid', '_ga', '_gl', '_hsenc', '_hsmi', 'mkt_tok', 'oly_anon_id', 'oly_enc_id',
  'vero_id', 'wickedid', 'rb_clickid', 's_cid', 'ncid', 'cmpid', 'ocid', 'ref_src', 'ref_url', 'at_medium', 'at_campaign',
]);
const TRACKING_PREFIXES = ['utm_', 'pk_', 'mtm_', 'hsa_'];

export function isTrackingParam(name: string): boolean {
  const n = name.toLowerCase();
  return TRACKING_PARAMS.has(n) || TRACKING_PREFIXES.some((p) => n.startsWith(p));
}

function paramName(pair: string): string {
  const name = pair.split('=', 1)[0]!.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

/** An absolute http(s) URL, parsed; null for anything else (javascript:, data:, relative without a base). */
export function parseHttpUrl(raw: string, base?: string): URL | null {
  let url: URL;
  try {
    url = base === undefined ? new URL(raw.trim()) : new URL(raw.trim(), base);
  } catch {
    return null;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
}

/** True for an absolute http(s) URL: the only kind an extension page may link to. */
export function isHttpUrl(raw: string): boolean {
  return parseHttpUrl(raw) !== null;
}

/** The URL without its fragment and tracking parameters; the other parameters keep their order. */
export function cleanUrl(raw: string, base?: string): string | null {
  const url = parseHttpUrl(raw, base);
  if (!url) return null;
  url.hash = '';
  // The parameters kept stay as written (URLSearchParams would re-encode them;
  // and its iterators do not cross into a Firefox content script's sandbox).
  const kept = url.search
    .slice(1)
    .split('&')
    .filter((pair) => pair !== '' && !isTrackingParam(paramName(pair)));
  url.search = kept.length > 0 ? `?${kept.join('&')}` : '';
  return url.href;
}

export interface UrlCandidates {
  /** The page's address. */
  location: string;
  /** `<link rel="canonical" href>`, as written (may be relative). */
  canonical?: string | undefined;
  /** `<meta property="og:url" content>`. */
  ogUrl?: string | undefined;
}

/**
 * The article's canonical URL: link[rel=canonical], else og:url, else the
 * page's own URL, each cleaned. A declared URL is not believed when it names
 * the site's home page while the page is deeper: templates that put the home
 * page in every article's canonical link would make all of a site's articles
 * one.
 */
export function canonicalUrl({ location, canonical, ogUrl }: UrlCandidates): string | null {
  const own = cleanUrl(location);
  for (const declared of [canonical, ogUrl]) {
    if (!declared) continue;
    const url = cleanUrl(declared, location);
    if (url && !(isHomePage(url) && own && !isHomePage(own))) return url;
  }
  return own;
}

function isHomePage(href: string): boolean {
  const url = new URL(href);
  return (url.pathname === '/' || url.pathname === '') && url.search === '';
}

/**
 * The address of a passage on a page: the page's URL with a text fragment
 * (`#:~:text=start,end`), which browsers scroll to and mark. Distinct
 * passages of one page get distinct addresses, and one passage the same one.
 */
export function passageUrl(pageUrl: string, passage: string): string {
  const words = passage.split(/\s+/u).filter((w) => w !== '');
  const enc = (ws: string[]) => encodeURIComponent(ws.join(' ')).replace(/-/g, '%2D');
  const directive = words.length <= 8 ? enc(words) : `${enc(words.slice(0, 4))},${enc(words.slice(-4))}`;
  const url = new URL(pageUrl);
  url.hash = '';
  return `${url.href}#:~:text=${directive}`;
}

/**
 * The stable id of the article known by this URL: "s-" and 20 hex digits of
 * its SHA-256. Saving the same URL again gives the same id; the store's
 * unique index on the URL catches the (astronomically unlikely) collision.
 */
export async function articleIdFor(url: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(url));
  const hex = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `s-${hex.slice(0, 20)}`;
}
