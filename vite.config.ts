import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { extensionPlugin, gazetteerPlugin } from './src/build/extension-plugin';
import { noInnerHtmlPlugin } from './src/build/no-inner-html-plugin';

const root = import.meta.dirname;
const outDir = resolve(root, 'dist');

// The main bundle: background (an ES module) and the extension pages. The
// content script is built by extensionPlugin as a classic script of its own.
export default defineConfig({
  root: resolve(root, 'src/pages'),
  base: './',
  publicDir: false,
  plugins: [noInnerHtmlPlugin(), preact(), gazetteerPlugin(), extensionPlugin({ root, outDir })],
  build: {
    outDir: resolve(outDir, 'chrome'),
    emptyOutDir: true,
    target: ['chrome120', 'firefox140'],
    modulePreload: false,
    rolldownOptions: {
      input: {
        popup: resolve(root, 'src/pages/popup.html'),
        article: resolve(root, 'src/pages/article.html'),
        library: resolve(root, 'src/pages/library.html'),
        entity: resolve(root, 'src/pages/entity.html'),
        entities: resolve(root, 'src/pages/entities.html'),
        sidepanel: resolve(root, 'src/pages/sidepanel.html'),
      },
      output: {
        entryFileNames: '[name].js',
        chunkFileNames: 'chunks/[name]-[hash].js',
        assetFileNames: 'assets/[name]-[hash][extname]',
      },
    },
  },
});
