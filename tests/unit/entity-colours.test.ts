// The entity colours are defined once (src/shared/entity-colours.css); the
// highlights on web pages (src/content/content.css) cannot use its variables,
// and write the same colours out.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENTITY_TYPES } from '../../src/core/types';

const ROOT = resolve(import.meta.dirname, '../..');
const read = (path: string) => readFileSync(resolve(ROOT, path), 'utf8');

/** The first value a stylesheet gives a custom property (the light one, where dark mode changes it). */
function variable(css: string, name: string): string | undefined {
  return new RegExp(`--${name}:\\s*([^;]+);`).exec(css)?.[1]?.trim();
}

describe('entity colours', () => {
  const shared = read('src/shared/entity-colours.css');

  it('are defined for every entity type', () => {
    for (const type of ENTITY_TYPES) {
      expect(variable(shared, `nc-${type}`), type).toMatch(/^rgb\(/);
      expect(variable(shared, `nc-${type}-line`), type).toMatch(/^rgb\(/);
    }
  });

  it('are the highlight colours on web pages', () => {
    const content = read('src/content/content.css');
    for (const type of ENTITY_TYPES) {
      const rule = new RegExp(`::highlight\\(newscontext-${type}\\)\\s*\\{\\s*background-color:\\s*([^;]+);`).exec(content);
      expect(rule?.[1]?.trim(), type).toBe(variable(shared, `nc-${type}`));
    }
  });

  it('are not defined again in the extension pages or the card', () => {
    for (const path of ['src/popup/popup.css', 'src/pages/reading-colours.css', 'src/content/ui/card-css.ts']) {
      const css = read(path);
      expect(css, path).not.toMatch(/rgb\(\s*(255 200 0|0 150 255|150 60 230)\b/);
      expect(css, path).toMatch(/entity-colours\.css/);
    }
    // The reading pages take them, with the rest of their colours, from one file.
    for (const path of ['src/pages/article/article.css', 'src/pages/entity/entity.css']) {
      const css = read(path);
      expect(css, path).not.toMatch(/rgb\(\s*(255 200 0|0 150 255|150 60 230)\b/);
      expect(css, path).toMatch(/@import '\.\.\/reading-colours\.css'/);
      expect(css, path).not.toMatch(/--bg:/);
    }
  });
});
