import { describe, expect, it } from 'vitest';
import { BlockText, spanRange } from '../../src/content/dom/block-text';

// Text nodes as far as BlockText reads them: their length (and type, for spanRange).
const text = (data: string) => ({ data, length: data.length, nodeType: 3 }) as unknown as Text;
const place = (t: BlockText, start: number, end: number) => {
  const r = t.rangeOf({ start, end });
  return r && [(r.startContainer as Text).data, r.startOffset, (r.endContainer as Text).data, r.endOffset];
};

describe('BlockText: offsets into a block read whole, as places in its text nodes', () => {
  // "Talks: " <b>"Recep Tayyip"</b> " Erdoğan met " <em>""</em> <a>"Putin"</a>
  const nodes = [text('Talks: '), text('Recep Tayyip'), text(' Erdoğan met '), text(''), text('Putin')];
  const block = new BlockText(nodes);
  const at = (s: string) => 'Talks: Recep Tayyip Erdoğan met Putin'.indexOf(s);

  it('joins its nodes as textContent does', () => {
    expect(block.length).toBe('Talks: Recep Tayyip Erdoğan met Putin'.length);
    expect(block.offsetOf(nodes[2]!)).toBe(at(' Erdoğan'));
    expect(block.offsetOf(text('elsewhere'))).toBe(-1);
  });

  it('puts a name that crosses nodes from the node of its first character to that of its last', () => {
    const name = 'Recep Tayyip Erdoğan';
    expect(place(block, at(name), at(name) + name.length)).toEqual(['Recep Tayyip', 0, ' Erdoğan met ', 8]);
  });

  it('starts a name at the start of its node, not at the end of the one before, and skips empty nodes', () => {
    expect(place(block, at('Recep'), at('Recep') + 5)).toEqual(['Recep Tayyip', 0, 'Recep Tayyip', 5]);
    expect(place(block, at('Putin'), at('Putin') + 5)).toEqual(['Putin', 0, 'Putin', 5]);
  });

  it('ends a name at the end of its node', () => {
    expect(place(block, at('Tayyip'), at('Tayyip') + 6)).toEqual(['Recep Tayyip', 6, 'Recep Tayyip', 12]);
  });

  it('places nothing the text no longer reaches (it shrank since it was matched), nor an empty span', () => {
    expect(block.rangeOf({ start: block.length - 2, end: block.length + 1 })).toBeNull();
    expect(block.rangeOf({ start: 3, end: 3 })).toBeNull();
    expect(new BlockText([]).rangeOf({ start: 0, end: 1 })).toBeNull();
  });

  it("takes a text node's offsets as its own (spanRange)", () => {
    const node = text('Putin met Aliyev');
    expect(spanRange(node, { start: 10, end: 16 })).toEqual({ startContainer: node, startOffset: 10, endContainer: node, endOffset: 16 });
    expect(spanRange(node, { start: 10, end: 17 })).toBeNull();
  });
});
