import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { removeInnerHtml } from '../../src/build/no-inner-html-plugin';
import { rewriteReadability } from '../../src/build/readability-plugin';

describe('removeInnerHtml', () => {
  it("replaces Preact's one innerHTML assignment with a refusal", () => {
    const preact = readFileSync(createRequire(import.meta.url).resolve('preact'), 'utf8');
    const out = removeInnerHtml(preact);
    expect(out).not.toMatch(/\.innerHTML\s*=(?!=)/);
    expect(out).toContain('dangerouslySetInnerHTML is disabled');
  });

  it('fails loudly when the pattern is gone', () => {
    expect(() => removeInnerHtml('el.textContent = x')).toThrow(/no longer assigns innerHTML/);
  });
});

describe('rewriteReadability', () => {
  it("replaces Readability's innerHTML assignments with DOM methods", () => {
    const source = readFileSync(createRequire(import.meta.url).resolve('@mozilla/readability/Readability.js'), 'utf8');
    const out = rewriteReadability(source);
    expect(out).not.toMatch(/\.innerHTML\s*=(?!=)/);
    expect(out).toContain('page.replaceChildren(...pageCacheHtml.cloneNode(true).childNodes)');
  });

  it('fails loudly when Readability changes', () => {
    expect(() => rewriteReadability('var pageCacheHtml = page.textContent;')).toThrow(/no longer has/);
  });
});
