// Where the card goes: below the name, or above it when there is no room below,
// and always inside the viewport without covering the name. When neither side
// has room for the whole card, it takes the roomier side and scrolls inside
// `maxHeight`. Pure, tested in node.

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface Placement {
  left: number;
  top: number;
  side: 'below' | 'above';
  /** The most the card may be tall here. */
  maxHeight: number;
}

const GAP = 6;
const MARGIN = 8;

export function placeCard(anchor: Box, card: { width: number; height: number }, viewport: { width: number; height: number }): Placement {
  const below = anchor.top + anchor.height + GAP;
  const roomBelow = Math.max(0, viewport.height - MARGIN - below);
  const roomAbove = Math.max(0, anchor.top - GAP - MARGIN);
  const side = card.height <= roomBelow || (card.height > roomAbove && roomBelow >= roomAbove) ? 'below' : 'above';
  const maxHeight = side === 'below' ? roomBelow : roomAbove;
  const height = Math.min(card.height, maxHeight);
  const top = side === 'below' ? below : anchor.top - GAP - height;
  const maxLeft = viewport.width - MARGIN - card.width;
  const left = Math.max(MARGIN, Math.min(anchor.left, maxLeft));
  return { left, top, side, maxHeight };
}
