// A sample of a page's text, to tell by its letters whether it is Azerbaijani
// when the page does not say so (turkic-suffix.ts): the title and the first
// text the scanner would read, through its one-pass walk, so that code, form
// fields and editors are left out as they are from the scan. The one-pass walk
// in both browsers: it looks at elements as it meets them, where Firefox's
// two-pass walk first finds every excluded element of the page. A few
// thousand characters, read once at start.
import { OnePassWalk } from './one-pass-walk';

export function textSample(doc: Document, max = 2000): string {
  let sample = doc.title;
  // Reading no block whole: text nodes only.
  const walk = new OnePassWalk(doc.body, null, () => {});
  for (let text = walk.next(); text !== null && sample.length < max; text = walk.next()) sample += ' ' + (text as Text).data;
  return sample.slice(0, max);
}
