// Functions evaluated in a page to see what the extension did there. They read
// the CSS.highlights registry, which the page shares with content scripts.

export interface HighlightProbe {
  sizes: Record<string, number>;
  /** The highlighted strings, per highlight name, in no particular order. */
  texts: Record<string, string[]>;
}

/** Runs in the page: what each of our highlights covers. Must stay self-contained. */
export function probeHighlights(): HighlightProbe {
  const sizes: Record<string, number> = {};
  const texts: Record<string, string[]> = {};
  for (const [name, highlight] of CSS.highlights) {
    if (!name.startsWith('newscontext-')) continue;
    const key = name.slice('newscontext-'.length);
    sizes[key] = highlight.size;
    // A StaticRange is not live: on a page whose own script just changed a
    // text (the React app's flips), one may reach past it until our rescan.
    // Such a range is left out; Range.setEnd would throw on it.
    const fits = (node: Node, offset: number) => offset <= (node.nodeType === Node.TEXT_NODE ? (node as Text).length : node.childNodes.length);
    texts[key] = [...highlight]
      .filter((r) => fits(r.startContainer, r.startOffset) && fits(r.endContainer, r.endOffset))
      .map((r) => {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        return range.toString();
      });
  }
  return { sizes, texts };
}

/** Runs in the page: whether some highlight's range reads exactly `name`. */
export function isLit(name: string): boolean {
  return [...CSS.highlights.values()].some((h) =>
    [...h].some((r) => {
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      return range.toString() === name;
    }),
  );
}

/** Runs in the page: total ranges in our highlights. */
export function countHighlights(): number {
  let n = 0;
  for (const [name, h] of CSS.highlights) if (name.startsWith('newscontext-')) n += h.size;
  return n;
}

/** Runs in the page: its DOM as markup, without the one host element our UI may add. */
export function serializeDom(): string {
  const clone = document.documentElement.cloneNode(true) as HTMLElement;
  clone.querySelectorAll('newscontext-ui').forEach((el) => el.remove());
  return clone.outerHTML;
}
