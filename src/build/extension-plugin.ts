// The vite plugin that makes one build produce two loadable extensions.
// - `virtual:gazetteer`: the compiled knowledge base, inlined into the
//   background only. The pages and the content script get the part of it
//   that is lit, through storage (src/shared/lit-gazetteer.ts).
// - `library.json`: the seeds parsed, profiled and indexed with MiniSearch; only
//   the background and extension pages load it, never a web page.
// - `entity-names.json`: every entity's spellings by language, as the source
//   writes them, for the entity page (through the background only).
// - After the main bundle (background, popup, article page), the content script is
//   built again as one self-contained classic script, because content scripts
//   cannot `import`.
// - Finally the source manifest is written per browser and dist/chrome is copied
//   to dist/firefox.
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { build, type Plugin } from 'vite';
import { isSourceManifest, manifestFor } from './manifest';
import { gazetteerSource, loadGazetteer, loadKnowledgeBase, unusedEntities } from './gazetteer';
import { entityNamesFile } from './entity-names';
import { buildLibraryFromSeeds } from './library-build';
import { createMatcher } from '../core/matcher';
import { LIBRARY_VERSION } from '../core/library';
import { noInnerHtmlPlugin } from './no-inner-html-plugin';
import { readabilityPlugin } from './readability-plugin';

const GAZETTEER_ID = 'virtual:gazetteer';
const RESOLVED_GAZETTEER_ID = '\0' + GAZETTEER_ID;

/**
 * Scripts built each as one self-contained classic script: content.js, which
 * the manifest runs in every frame; content-start.js, which it runs before it
 * (at document_start) to begin the lit gazetteer's read; extract.js, which the
 * background injects into a tab only when the reader saves it, so that
 * Readability is neither in nor run by the content script; popup-wake.js, the
 * popup's and the side panel's first script; and background.js, one file with
 * no module graph to fetch and link when the browser starts it again after
 * stopping it idle (a cold start reaches its first message sooner).
 */
const CLASSIC_SCRIPTS: Array<{ entry: string; name: string; fileName: string; plugins?: () => Plugin[] }> = [
  { entry: 'src/content/index.ts', name: 'newscontextContent', fileName: 'content.js' },
  { entry: 'src/content/early/index.ts', name: 'newscontextEarly', fileName: 'content-start.js' },
  { entry: 'src/popup/wake/index.ts', name: 'newscontextWake', fileName: 'popup-wake.js' },
  { entry: 'src/background/index.ts', name: 'newscontextBackground', fileName: 'background.js' },
  { entry: 'src/content/extract/index.ts', name: 'newscontextExtract', fileName: 'extract.js', plugins: () => [readabilityPlugin()] },
];

export interface ExtensionPluginOptions {
  root: string;
  outDir: string;
}

/** Serves the compiled knowledge base as a module, for the background. */
export function gazetteerPlugin(): Plugin {
  return {
    name: 'newscontext:gazetteer',
    resolveId(id) {
      return id === GAZETTEER_ID ? RESOLVED_GAZETTEER_ID : undefined;
    },
    load(id) {
      if (id !== RESOLVED_GAZETTEER_ID) return undefined;
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(loadKnowledgeBase()))});`;
    },
  };
}

/** The pages that start with popup-wake.js (src/popup/wake/index.ts): the popup and the side panel. */
const WAKING_PAGES = ['popup.html', 'sidepanel.html'];

export function extensionPlugin({ root, outDir }: ExtensionPluginOptions): Plugin {
  const chromeDir = resolve(outDir, 'chrome');
  const firefoxDir = resolve(outDir, 'firefox');
  return {
    name: 'newscontext:extension',
    apply: 'build',
    // First in the head, a classic script: it runs before the page's modules have loaded.
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        if (!WAKING_PAGES.some((page) => ctx.path.endsWith(`/${page}`))) return undefined;
        return [{ tag: 'script', attrs: { src: './popup-wake.js' }, injectTo: 'head-prepend' }];
      },
    },
    generateBundle() {
      // Seeds are profiled with the whole knowledge base, as saved articles are.
      const matcher = createMatcher(loadKnowledgeBase());
      const { library, warnings } = buildLibraryFromSeeds(resolve(root, 'seeds'), matcher);
      const texts = library.toJSON().articles.map((a) => [a.title, a.lead, ...a.paragraphs].join('\n\n'));
      // The seed stories' own entities (entities.json) are there for the seeds: each should occur in one.
      for (const id of unusedEntities(loadGazetteer(), texts)) {
        warnings.push(`gazetteer: entity "${id}" occurs in no seed`);
      }
      for (const warning of warnings) this.warn(warning);
      // What profiled the articles: a catalog the background kept from another knowledge base is profiled again.
      const profileKey = `${LIBRARY_VERSION}:${createHash('sha256').update(JSON.stringify(loadKnowledgeBase())).digest('hex').slice(0, 16)}`;
      this.emitFile({ type: 'asset', fileName: 'library.json', source: JSON.stringify({ ...library.toJSON(), profileKey }) });
      this.emitFile({ type: 'asset', fileName: 'entity-names.json', source: JSON.stringify(entityNamesFile(gazetteerSource())) });
    },
    async closeBundle() {
      for (const script of CLASSIC_SCRIPTS) {
        await build({
          configFile: false,
          root,
          logLevel: 'warn',
          plugins: [noInnerHtmlPlugin(), gazetteerPlugin(), ...(script.plugins?.() ?? [])],
          build: {
            outDir: chromeDir,
            emptyOutDir: false,
            // NC_NO_MINIFY=1 keeps names readable in CPU profiles (bench/investigate/profile-cpu.ts).
            minify: !process.env.NC_NO_MINIFY,
            target: ['chrome120', 'firefox140'],
            lib: {
              entry: resolve(root, script.entry),
              formats: ['iife'],
              name: script.name,
              fileName: () => script.fileName,
            },
          },
        });
      }
      cpSync(resolve(root, 'src/content/content.css'), resolve(chromeDir, 'content.css'));
      cpSync(resolve(root, 'icons'), resolve(chromeDir, 'icons'), { recursive: true });
      cpSync(resolve(root, 'src/_locales'), resolve(chromeDir, '_locales'), { recursive: true });

      const source: unknown = JSON.parse(readFileSync(resolve(root, 'manifest.json'), 'utf8'));
      if (!isSourceManifest(source)) throw new Error('manifest.json: not a valid MV3 source manifest');
      rmSync(firefoxDir, { recursive: true, force: true });
      mkdirSync(firefoxDir, { recursive: true });
      cpSync(chromeDir, firefoxDir, { recursive: true });
      writeFileSync(resolve(chromeDir, 'manifest.json'), JSON.stringify(manifestFor(source, 'chrome'), null, 2));
      writeFileSync(resolve(firefoxDir, 'manifest.json'), JSON.stringify(manifestFor(source, 'firefox'), null, 2));
    },
  };
}
