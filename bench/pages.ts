// Generated news pages of N paragraphs, with the markup a news site has: a
// header and nav, an article of sections with headings, paragraphs with links
// and emphasis, lists, quotes, figures, an aside and a footer. Names in four
// languages are sprinkled through the text. Deterministic for a given size.
import type { Corpus } from './corpus';
import { createRng, type Rng } from './rng';

const escape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const slug = (s: string): string =>
  s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40);

/** One <p>: some sentences in <em> or <strong>, some names as links, now and then a link after it. */
function paragraphHtml(corpus: Corpus, rng: Rng): string {
  const parts = corpus.sentences(rng).map((s) => {
    const r = rng.next();
    if (r < 0.06) return `<em>${escape(s)}</em>`;
    if (r < 0.09) return `<strong>${escape(s)}</strong>`;
    return escape(s);
  });
  if (rng.chance(0.3)) {
    const name = corpus.name(rng);
    parts.splice(rng.int(0, parts.length), 0, `<a href="/topic/${slug(name)}">${escape(name)}</a>`);
  }
  return `<p>${parts.join(' ')}</p>`;
}

function listHtml(corpus: Corpus, rng: Rng): string {
  const items: string[] = [];
  for (let i = rng.int(3, 6); i > 0; i--) items.push(`<li>${escape(corpus.line(rng))}</li>`);
  return rng.chance(0.5) ? `<ul>${items.join('')}</ul>` : `<ol>${items.join('')}</ol>`;
}

const STYLE = `body{font:17px/1.55 Georgia,serif;margin:0;color:#222}
header,footer{background:#f4f4f4;padding:.5em 1em}nav ul{display:flex;gap:1em;list-style:none;margin:0;padding:0}
main{max-width:42em;margin:auto;padding:1em}
h1{font-size:2em;line-height:1.2}h2{font-size:1.3em;margin-top:2em}figure{margin:1em 0}figcaption{font-size:.85em;color:#666}
blockquote{border-left:3px solid #ccc;margin-left:0;padding-left:1em}aside{font-size:.9em}a{color:#06c}`;

/** The HTML of a page with `paragraphs` <p> elements in its article. */
export function generatePage(corpus: Corpus, paragraphs: number, seed = paragraphs): string {
  const rng = createRng(seed);
  const out: string[] = [];
  const title = corpus.line(rng);
  out.push(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(title)}</title>`,
    `<meta name="viewport" content="width=device-width"><style>${STYLE}</style></head><body>`,
    '<header><nav><ul>',
    ...['World', 'Europe', 'Asia', 'Business', 'Opinion', 'Sport', 'Culture'].map((s) => `<li><a href="/${s.toLowerCase()}">${s}</a></li>`),
    '</ul></nav></header><main><article>',
    `<h1>${escape(title)}</h1><p class="byline">By <a href="/author">Staff reporters</a>, <time datetime="2025-10-09">9 October 2025</time></p>`,
    '<section>',
  );
  let sinceSection = 0;
  let sectionLength = rng.int(8, 25);
  for (let i = 0; i < paragraphs; i++) {
    if (sinceSection >= sectionLength) {
      out.push(`</section>\n<section><h2>${escape(corpus.line(rng))}</h2>`);
      sinceSection = 0;
      sectionLength = rng.int(8, 25);
    }
    out.push(paragraphHtml(corpus, rng), '\n');
    sinceSection++;
    const r = rng.next();
    if (r < 0.04) out.push(listHtml(corpus, rng));
    else if (r < 0.06) out.push(`<blockquote><p>${escape(corpus.line(rng))}</p></blockquote>`);
    else if (r < 0.08) out.push(`<figure><div style="height:120px;background:#ddd"></div><figcaption>${escape(corpus.line(rng))}</figcaption></figure>`);
  }
  out.push('</section></article><aside><h2>Related</h2><ul>');
  for (let i = 0; i < 8; i++) out.push(`<li><a href="/related/${i}">${escape(corpus.line(rng))}</a></li>`);
  out.push('</ul></aside></main><footer><p>© 2025 The Daily Example. All rights reserved.</p></footer></body></html>');
  return out.join('');
}

/** `count` more paragraphs, as HTML to append to an article (the live-update test). */
export function generateParagraphs(corpus: Corpus, count: number, seed: number): string {
  const rng = createRng(seed);
  const out: string[] = [];
  for (let i = 0; i < count; i++) out.push(paragraphHtml(corpus, rng));
  return out.join('\n');
}

/** Plain mixed-language text of at least `bytes` UTF-8 bytes, paragraphs separated by blank lines. */
export function generateText(corpus: Corpus, bytes: number, seed = 7): string[] {
  const rng = createRng(seed);
  const paragraphs: string[] = [];
  let size = 0;
  while (size < bytes) {
    const p = corpus.paragraph(rng);
    paragraphs.push(p);
    size += Buffer.byteLength(p) + 2;
  }
  return paragraphs;
}
