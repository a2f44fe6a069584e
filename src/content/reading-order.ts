// The order in which the keyboard shortcut steps through the names on screen:
// reading order, line by line from the top, and along each line in the text's
// own (logical) order. Along a line that is left to right in a left-to-right
// text, and right to left in Arabic or Hebrew, with a Latin name in it still
// read as one; sorting by x alone would read an RTL line backwards.
// Two boxes are on one line when their vertical spans overlap by at least half
// the smaller one (a superscript, a larger font). Pure: tested in node.

export interface Placed {
  top: number;
  bottom: number;
  left: number;
}

/**
 * The items in reading order (a new array): lines by the box of each item,
 * and each line by `logical`, a comparator of the items' order in the text.
 */
export function readingOrder<T>(items: readonly T[], boxOf: (item: T) => Placed, logical: (a: T, b: T) => number): T[] {
  const placed = items.map((item) => ({ item, box: boxOf(item) }));
  placed.sort((a, b) => a.box.top - b.box.top || a.box.left - b.box.left);
  const lines: Array<typeof placed> = [];
  for (const p of placed) {
    const line = lines[lines.length - 1];
    if (line && sameLine(line[0]!.box, p.box)) line.push(p);
    else lines.push([p]);
  }
  return lines.flatMap((line) => line.sort((a, b) => logical(a.item, b.item)).map((p) => p.item));
}

function sameLine(a: Placed, b: Placed): boolean {
  const overlap = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
  const smaller = Math.min(a.bottom - a.top, b.bottom - b.top);
  return overlap > 0 && overlap >= smaller / 2;
}

/** The item after the current one (wrapping), or the first when none is current. */
export function nextAfter<T>(ordered: readonly T[], isCurrent: (item: T) => boolean): T | undefined {
  const i = ordered.findIndex(isCurrent);
  return ordered[(i + 1) % Math.max(1, ordered.length)];
}
