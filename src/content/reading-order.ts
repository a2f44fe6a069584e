// The order in which the keyboard shortcut steps through the names on screen:
// reading order, line by line from the top, and along each line from the left.
// Two boxes are on one line when their vertical spans overlap by at least half
// the smaller one (a superscript, a larger font). Pure: tested in node.
// Right-to-left pages are read from the left too: left alone for now.

export interface Placed {
  top: number;
  bottom: number;
  left: number;
}

/** The items in reading order (a new array), by the box of each. */
export function readingOrder<T>(items: readonly T[], boxOf: (item: T) => Placed): T[] {
  const placed = items.map((item) => ({ item, box: boxOf(item) }));
  placed.sort((a, b) => a.box.top - b.box.top || a.box.left - b.box.left);
  const lines: Array<typeof placed> = [];
  for (const p of placed) {
    const line = lines[lines.length - 1];
    if (line && sameLine(line[0]!.box, p.box)) line.push(p);
    else lines.push([p]);
  }
  return lines.flatMap((line) => line.sort((a, b) => a.box.left - b.box.left).map((p) => p.item));
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
