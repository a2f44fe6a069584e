// An article's body as plain paragraphs: the text of each block of the
// element Readability kept, its whitespace collapsed. Figures, captions,
// buttons and embedded media are not the article's text.

const BLOCKS = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol',
  'blockquote', 'pre', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'caption', 'dl', 'dt', 'dd', 'hr', 'address', 'details', 'summary',
]);
const SKIPPED = new Set([
  'figure', 'figcaption', 'picture', 'img', 'svg', 'math', 'video', 'audio', 'iframe', 'object', 'embed', 'canvas', 'button', 'nav',
  'aside', 'form', 'input', 'select', 'textarea', 'script', 'style', 'noscript', 'template',
]);
/** Deeper than this, a tree is not an article's; the walk stops rather than overflow the stack. */
const MAX_DEPTH = 200;

export function blockTexts(root: Node): string[] {
  const out: string[] = [];
  let buffer = '';
  const flush = () => {
    // Two line breaks in a row (<br><br>) part paragraphs inside one block.
    for (const part of buffer.split(/\n[^\S\n]*\n/)) {
      const text = part.replace(/\s+/g, ' ').trim();
      if (text !== '') out.push(text);
    }
    buffer = '';
  };
  const walk = (node: Node, depth: number) => {
    if (depth > MAX_DEPTH) return;
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) buffer += (child as Text).data.replace(/\n/g, ' ');
      else if (child.nodeType === 1) {
        const name = (child as Element).localName;
        if (SKIPPED.has(name)) continue;
        if (name === 'br') buffer += '\n';
        else if (BLOCKS.has(name)) {
          flush();
          walk(child, depth + 1);
          flush();
        } else walk(child, depth + 1);
      }
    }
  };
  walk(root, 0);
  flush();
  return out;
}

/** A passage the reader selected, as paragraphs: its line breaks part them. */
export function selectionParagraphs(text: string): string[] {
  return text
    .split(/\n+/)
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '');
}
