// Reaching into the hover card's closed shadow root in Chromium, through its
// accessibility tree (CDP): a node by its role and the start of its name, and
// where it is on screen, to click it as a reader would.
import type { CDPSession } from 'playwright-core';

export interface AXNode {
  ignored?: boolean;
  role?: { value?: unknown };
  name?: { value?: unknown };
  backendDOMNodeId?: number;
}

/** Centre of the accessible node with this role whose name starts with `name`, or null. */
export async function findNode(cdp: CDPSession, role: string, name: string): Promise<{ x: number; y: number } | null> {
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: AXNode[] };
  const node = nodes.find((n) => !n.ignored && n.role?.value === role && String(n.name?.value ?? '').startsWith(name));
  if (!node?.backendDOMNodeId) return null;
  // The card scrolls inside itself: bring the node into its view, as a reader would scroll to it.
  await cdp.send('DOM.scrollIntoViewIfNeeded', { backendNodeId: node.backendDOMNodeId });
  const { model } = (await cdp.send('DOM.getBoxModel', { backendNodeId: node.backendDOMNodeId })) as { model: { content: number[] } };
  const [x1 = 0, y1 = 0, , , x3 = 0, y3 = 0] = model.content;
  return { x: (x1 + x3) / 2, y: (y1 + y3) / 2 };
}

export async function waitForNode(cdp: CDPSession, role: string, name: string, timeout = 10_000): Promise<{ x: number; y: number }> {
  const end = Date.now() + timeout;
  for (;;) {
    const found = await findNode(cdp, role, name);
    if (found) return found;
    if (Date.now() > end) throw new Error(`no ${role} "${name}" in the accessibility tree`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
