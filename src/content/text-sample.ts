// A sample of a page's text, to tell its language by its letters when the page
// does not say it (turkic-suffix.ts): the title and the first text the scanner
// would read (the same walk, so code, form fields and editors are left out as
// they are from the scan). A few thousand characters, read once at start.
import { createTextWalk } from './text-walk';

export function textSample(doc: Document, max = 2000): string {
  let sample = doc.title;
  const walk = createTextWalk(doc.body, null, () => {});
  for (let text = walk.next(); text !== null && sample.length < max; text = walk.next()) {
    if (text) sample += ' ' + text.data;
  }
  return sample.slice(0, max);
}
