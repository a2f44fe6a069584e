import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';
import { readabilityPlugin } from './src/build/readability-plugin.ts';

// Unit tests run in node and are fast; end-to-end tests drive real browsers
// one file at a time, because two browsers at once starve a 2-core machine.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
          environment: 'node',
        },
        // Readability as extract.js ships it (src/build/readability-plugin.ts).
        plugins: [readabilityPlugin()],
        // In node, the one browser seam (src/shared/browser.ts) gets an in-memory fake.
        resolve: { alias: { 'webextension-polyfill': resolve(import.meta.dirname, 'tests/unit/helpers/fake-browser.ts') } },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
