// npm run bench: measures every cost a user feels, next to the references in
// the same run, prints the tables and rewrites BENCHMARKS.md. See bench/plan.ts
// for the options (--quick for development). The parts run one after another:
// on 2 cores, two things at once would measure each other.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadKnowledgeBase } from '../src/build/gazetteer';
import { litGazetteerOfBuild } from './lit-gazetteer';
import { createMatcher } from '../src/core/matcher';
import type { CompiledGazetteer } from '../src/core/types';
import { callFrom } from '../tests/e2e/harness/extension-pages';
import { alternationSource, originalAliases, regexAliases } from './aliases';
import { launchBenchChromium, launchBenchFirefox, type BenchBrowser, type BrowserName } from './browsers';
import { buildProbe, initScripts, plainInitScripts } from './bundle';
import { createCorpus } from './corpus';
import { benchFootprint, type FootprintResult } from './footprint';
import { measurePage, type HighlightContext, type PageResult, type PageSpec } from './highlight';
import { benchMatcher, type MatcherResult } from './matcher';
import { generatePage, generateParagraphs } from './pages';
import { parsePlan, type PagePlan } from './plan';
import { writeProbeExtension } from './probe-extension';
import { collectEnvironment, renderReport, type BenchResults } from './report';
import { runSaveBench } from './save';
import { runScaleBench } from './scale/run';
import { runSearchBench, type SearchResult } from './search/run';
import { startBenchServer, type BenchServer } from './server';
import { benchStartup } from './startup';
import { followNames, namesToFollow } from './followed';

const root = resolve(import.meta.dirname, '..');

// A V8 flag for an investigation must not end up in the reported figures.
if (process.env.NC_CHROMIUM_FLAGS) throw new Error('npm run bench: unset NC_CHROMIUM_FLAGS (an investigation flag) first.');

const started = performance.now();
const plan = parsePlan(process.argv.slice(2));
const elapsed = () => performance.now() - started;
const timeLeft = () => plan.budgetMs - elapsed();
const log = (line: string) => console.log(`[${(elapsed() / 1000).toFixed(0).padStart(3)} s] ${line}`);

// What the content script lights by default: the names the bundled library
// knows. The generated pages are written with these; the page sections light
// them and the names followed.
const gazetteer = litGazetteerOfBuild(loadKnowledgeBase(), resolve(root, 'dist/chrome'));
const follow = namesToFollow(JSON.parse(readFileSync(resolve(root, 'dist/chrome/library.json'), 'utf8')), plan.followed);
const matcher = createMatcher(gazetteer);
const corpus = createCorpus(matcher);
const results: BenchResults = {
  quick: plan.quick,
  environment: await collectEnvironment(root),
  pages: [],
  skipped: [],
  notes: [],
};

function pageSpec(server: BenchServer, p: PagePlan, generated: Map<number, string>): PageSpec {
  let url: string;
  let bytes: number;
  let label: string;
  if (p.paragraphs !== undefined) {
    let html = generated.get(p.paragraphs);
    if (!html) generated.set(p.paragraphs, (html = generatePage(corpus, p.paragraphs)));
    url = server.add(p.id, html);
    bytes = Buffer.byteLength(html);
    label = `generated, ${p.paragraphs.toLocaleString('en-US')} paragraphs`;
  } else {
    url = server.pageUrl(p.file!);
    bytes = 0;
    label = `${p.file} (real page)`;
  }
  const spec: PageSpec = {
    id: p.id,
    label,
    url,
    bytes,
    runs: p.runs,
    refRuns: p.refRuns,
    markCapMs: p.markCapMs,
    advCapMs: p.advCapMs,
    oursCapMs: p.oursCapMs,
    breakdown: p.breakdown,
  };
  if (p.paragraphs !== undefined) spec.paragraphs = p.paragraphs;
  if (p.live) spec.live = { html: generateParagraphs(corpus, p.live, 99), paragraphs: p.live };
  return spec;
}

/**
 * What the pages light in `ext`: the library's names, and the names followed
 * there first (plan.followed), as the background publishes them.
 */
async function litWithFollowed(ext: BenchBrowser, server: BenchServer): Promise<CompiledGazetteer> {
  if (follow.length === 0) return gazetteer;
  if (!ext.control) throw new Error(`${ext.name}: no tab of the extension to follow names from`);
  const control = await ext.control(server.add('follow-control', readFileSync(resolve(root, 'tests/fixtures/content/en.html'), 'utf8')));
  try {
    const lit = await followNames((type, payload) => callFrom(control, type, payload), follow);
    log(`${ext.name}: ${follow.length} names followed; ${lit.entities.length} entities lit (the library's ${gazetteer.entities.length} and the followed)`);
    results.lit = { library: gazetteer.entities.length, followed: follow.length, entities: lit.entities.length };
    return lit;
  } finally {
    await control.close();
  }
}

async function highlightIn(name: BrowserName, server: BenchServer, probe: string, generated: Map<number, string>): Promise<void> {
  const launch = name === 'chromium' ? launchBenchChromium : launchBenchFirefox;
  const extensionDir = resolve(root, 'dist', name === 'chromium' ? 'chrome' : 'firefox');
  log(`${name}: launching (with the extension, and plain)`);
  const ext: BenchBrowser = await launch({ extensionDir, hasWorker: true, initScript: initScripts() });
  let plain: BenchBrowser | undefined;
  const probeExtension = writeProbeExtension(`${probe}\n;var __ncProbe = __ncProbe;`);
  try {
    // "Plain": without our extension; with the probe extension, idle until asked.
    plain = await launch({ extensionDir: probeExtension.dir, initScript: plainInitScripts() });
    if (name === 'chromium') results.environment.chromium = ext.version;
    else results.environment.firefox = ext.version;
    if (name === 'chromium' && plan.sections.has('footprint') && results.footprint) {
      log('chromium: popup time to first render');
      const f = await benchFootprint(resolve(root, 'dist/chrome'), ext, plan.popupRuns);
      Object.assign(results.footprint, { popupInputMs: f.popupInputMs, popupFcpMs: f.popupFcpMs, popupRuns: f.popupRuns });
      results.footprint.notes.push(...f.notes);
    }
    const lit = await litWithFollowed(ext, server);
    const ctx: HighlightContext = {
      ext,
      plain,
      probe: `${probe}\n;window.__ncProbe = __ncProbe;`,
      gazetteerJson: JSON.stringify(lit),
      aliasesJson: JSON.stringify(originalAliases(lit)),
      floorSourceJson: JSON.stringify(alternationSource(regexAliases(lit))),
      trace: plan.trace,
      log,
    };
    for (const p of plan.pages[name]) {
      // What the rest of the run needs: Firefox after Chromium.
      const reserve = name === 'chromium' && plan.sections.has('firefox') ? (plan.quick ? 30_000 : 50_000) : 0;
      if (p.needsMs !== undefined && timeLeft() - reserve < p.needsMs) {
        results.skipped.push(
          `${name} ${p.id}: not measured: it needs about ${Math.round(p.needsMs / 1000)} s and ${Math.max(0, Math.round((timeLeft() - reserve) / 1000))} s of the ${plan.budgetMs / 1000} s budget were left; \`npm run bench -- --only=${name} --budget=600\` measures it`,
        );
        log(`${name} ${p.id}: skipped (time budget)`);
        continue;
      }
      const spec = pageSpec(server, p, generated);
      if (p.needsMs !== undefined) spec.oursCapMs = Math.min(spec.oursCapMs, Math.max(10_000, timeLeft() - reserve - 25_000));
      log(`${name} ${p.id}: ${spec.label}`);
      const result: PageResult = await measurePage(ctx, spec);
      results.pages.push(result);
    }
  } finally {
    await plain?.close().catch(() => {});
    await ext.close().catch(() => {});
    probeExtension.remove();
  }
}

async function main(): Promise<void> {
  log(`plan: ${plan.quick ? 'quick' : 'full'}, sections ${[...plan.sections].join(', ')}, budget ${plan.budgetMs / 1000} s`);
  if (plan.sections.has('footprint')) {
    results.footprint = await benchFootprint(resolve(root, 'dist/chrome'), undefined, 0);
  }
  if (plan.sections.has('matcher')) {
    log(`matcher: ${plan.matcher.megabytes} MB of mixed-language text`);
    const m: MatcherResult = benchMatcher(gazetteer, corpus, plan.matcher);
    results.matcher = m;
  }
  if (plan.sections.has('search')) {
    const browsersNext = plan.sections.has('chromium') || plan.sections.has('firefox');
    const budgetMs = Math.max(10_000, Math.min(plan.search.budgetMs, timeLeft() - (browsersNext ? plan.search.reserveMs : 0)));
    log(`search: libraries of ${plan.search.sizes.join(', ')} articles (budget ${Math.round(budgetMs / 1000)} s)`);
    try {
      const s: SearchResult = await runSearchBench({ ...plan.search, budgetMs });
      results.search = s;
    } catch (e) {
      results.notes.push(`search: ${(e as Error).message}`);
    }
  }
  if (plan.sections.has('save')) {
    log(`save: a ${plan.save.words}-word article until searchable, ${plan.save.saved} saved (Chromium)`);
    const server = await startBenchServer();
    const ext = await launchBenchChromium({ extensionDir: resolve(root, 'dist/chrome'), hasWorker: true });
    try {
      results.save = await runSaveBench(ext, server, corpus, plan.save, log);
    } catch (e) {
      results.notes.push(`save: ${(e as Error).message.split('\n')[0]}`);
    } finally {
      await ext.close().catch(() => {});
      await server.close();
    }
  }
  if (plan.sections.has('scale')) {
    log(`scale: ${plan.scale.articles.toLocaleString('en-US')} saved articles in ${plan.scale.browsers.join(' and ')}`);
    try {
      results.scale = await runScaleBench(plan.scale, corpus, matcher, log);
    } catch (e) {
      results.notes.push(`scale: ${(e as Error).message.split('\n')[0]}`);
    }
  }
  if (plan.sections.has('startup')) {
    results.startup = [];
    for (const b of ['chromium', 'firefox'] as const) {
      log(`startup: ${b}, ${follow.length} names followed, ${plan.startup.loads} loads of a small page`);
      try {
        results.startup.push(await benchStartup(b, follow, plan.startup.loads));
      } catch (e) {
        results.notes.push(`startup in ${b}: ${(e as Error).message.split('\n')[0]}`);
      }
    }
  }
  const browsers = (['chromium', 'firefox'] as const).filter((b) => plan.sections.has(b));
  if (browsers.length) {
    const server = await startBenchServer();
    const probe = await buildProbe();
    const generated = new Map<number, string>();
    try {
      for (const b of browsers) {
        try {
          await highlightIn(b, server, probe, generated);
        } catch (e) {
          results.notes.push(`${b}: ${(e as Error).message.split('\n')[0]}`);
          log(`${b}: failed: ${(e as Error).message}`);
        }
      }
    } finally {
      await server.close();
    }
  }
  results.environment.runtimeMs = elapsed();
  const markdown = renderReport(results);
  console.log('\n' + markdown);
  if (plan.write) {
    writeFileSync(resolve(root, 'BENCHMARKS.md'), markdown);
    log('wrote BENCHMARKS.md');
  } else {
    log('BENCHMARKS.md left alone (quick run: add --write to rewrite it)');
  }
  if (plan.json) writeFileSync(resolve(process.cwd(), plan.json), JSON.stringify(results, null, 1));
}

await main();
