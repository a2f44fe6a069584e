// Reaching the hover card's buttons from outside its closed shadow root, the
// same way in Chromium and Firefox (whose BiDi driver has no accessibility
// tree): find the card's box on screen by what elementFromPoint answers, and
// click where a button is. "Show all" / "About …" sits at the card's bottom.
// The functions below run in the page: each must stay self-contained.

/** Runs in the page: a point inside the first occurrence of `text` in the element with this id. */
export function namePoint([id, text]: [string, string]): { x: number; y: number } | null {
  const node = document.getElementById(id)?.firstChild;
  if (!(node instanceof Text)) return null;
  const at = node.data.indexOf(text);
  if (at < 0) return null;
  const range = document.createRange();
  range.setStart(node, at);
  range.setEnd(node, at + text.length);
  const box = range.getClientRects()[0];
  return box ? { x: box.left + Math.min(box.width / 2, 20), y: box.top + box.height / 2 } : null;
}

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Runs in the page: the card's box on screen (where the extension's host element answers), or null when none shows. */
export function cardBox(): Box | null {
  const host = document.querySelector('newscontext-ui');
  if (!host) return null;
  let box: Box | null = null;
  for (let y = 0; y < innerHeight; y += 6) {
    for (let x = 0; x < innerWidth; x += 6) {
      if (document.elementFromPoint(x, y) !== host) continue;
      box = box
        ? { left: Math.min(box.left, x), top: Math.min(box.top, y), right: Math.max(box.right, x), bottom: Math.max(box.bottom, y) }
        : { left: x, top: y, right: x, bottom: y };
    }
  }
  return box;
}

/** Runs in the page: true once a card taller than its loading line is on screen (the background has answered). */
export function cardReady(): boolean {
  const host = document.querySelector('newscontext-ui');
  if (!host) return false;
  // Cheaper than cardBox: a column through the middle of the viewport's width is enough to see a tall card somewhere.
  let rows = 0;
  for (let x = 0; x < innerWidth; x += 40) {
    let run = 0;
    for (let y = 0; y < innerHeight; y += 6) {
      run = document.elementFromPoint(x, y) === host ? run + 1 : 0;
      rows = Math.max(rows, run);
    }
  }
  return rows * 6 > 150;
}

/** Where to click for the button at the card's bottom ("Show all N", "About …"). */
export function bottomButton(box: Box): { x: number; y: number } {
  return { x: box.left + 40, y: box.bottom - 8 };
}
