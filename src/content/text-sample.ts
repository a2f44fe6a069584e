// A sample of a page's text, to tell its language by its letters when the page
// does not say it (turkic-suffix.ts): the title and the body's first text,
// scripts and styles left out. A few thousand characters, read once at start.
import { SHOW_TEXT } from './dom-constants';

const NOT_TEXT = new Set(['script', 'style', 'noscript', 'template']);

export function textSample(doc: Document, max = 2000): string {
  let sample = doc.title;
  const walker = doc.createTreeWalker(doc.body, SHOW_TEXT);
  for (let n = walker.nextNode(); n !== null && sample.length < max; n = walker.nextNode()) {
    if (!NOT_TEXT.has(n.parentElement?.localName ?? '')) sample += ' ' + (n as Text).data;
  }
  return sample.slice(0, max);
}
