// What one run measures, and how often: the full plan (npm run bench) fits in
// about fifteen minutes on 2 cores; --quick is for development. Command-line options:
//   --quick                 fewer pages, runs and sizes; prints, writes BENCHMARKS.md only with --write
//   --only=a,b              sections: footprint, matcher, search, save, scale, startup, chromium, firefox
//   --scale-articles=N      saved articles of the scale section (10,000; 1,000 with --quick)
//   --scale-browsers=a,b    the browsers of the scale section (chromium,firefox)
//   --search-sizes=a,b      library sizes (articles)
//   --budget=SECONDS        the whole run's time budget (default 900); optional measurements
//                           (the largest page and library) run only if they fit, e.g.
//                           npm run bench -- --only=chromium --budget=600
//                           npm run bench -- --only=search --search-sizes=50000 --budget=900
//   --followed=N            names the reader follows, in the page sections and startup (100), as issue
//                           "Names that grow with the library" measures them; 0: the library's names alone
//   --write / --no-write    rewrite BENCHMARKS.md or not
//   --json=FILE             also write the raw results as JSON
//   --trace                 Chromium: longest task from a trace (exact, slower) instead of the Long Tasks API
//   --scan-runs=N           the page sections measure the 10,000-paragraph page alone: N loads of ours
//                           and of the floor, no references (for tuning the scan's ratio to the floor)

export type Section = 'footprint' | 'matcher' | 'search' | 'save' | 'scale' | 'startup' | 'chromium' | 'firefox';

/** How much of a page is measured: runs, time caps, the breakdown. */
export interface RunLimits {
  /** Fresh loads for ours and for the floor. */
  runs: number;
  /** Fresh loads for advanced-mark.js (mark.js gets one, capped). */
  refRuns: number;
  markCapMs: number;
  advCapMs: number;
  /** How long ours may take before the run is reported incomplete. */
  oursCapMs: number;
  breakdown: boolean;
}

export interface PagePlan extends RunLimits {
  id: string;
  /** Generated: paragraphs; real: a file of tests/fixtures/real. */
  paragraphs?: number;
  file?: string;
  /** Paragraphs appended after the initial scan (live updates). */
  live?: number;
  /** Measured only if this much time is left (ms); the last pages of a browser are the optional ones. */
  needsMs?: number;
}

export interface Plan {
  quick: boolean;
  write: boolean;
  json?: string;
  trace: boolean;
  budgetMs: number;
  sections: Set<Section>;
  pages: { chromium: PagePlan[]; firefox: PagePlan[] };
  popupRuns: number;
  matcher: { megabytes: number; runs: number; perAliasMegabytes: number };
  /** budgetMs: at most this long; reserveMs: time to leave for the browsers that run after it. */
  search: { sizes: number[]; queries: number; knownItems: number; budgetMs: number; reserveMs: number };
  /** The library at scale in the browsers: saved articles imported, cold starts and saves per browser, warm queries. */
  scale: { articles: number; coldRuns: number; saveRuns: number; queries: number; browsers: Array<'chromium' | 'firefox'> };
  /** Saving an article until search finds it: with `saved` articles already saved, an article of `words` words, `runs` saves. */
  save: { saved: number; words: number; runs: number };
  /**
   * Names of the knowledge base that no article of the library names, followed
   * before the page sections and the startup measure (followed.ts): what
   * pages light is the library's names and these.
   */
  followed: number;
  /** The content script's start on a small page: `loads` fresh loads per browser (startup.ts). */
  startup: { loads: number };
}

const ALL: Section[] = ['footprint', 'matcher', 'search', 'save', 'scale', 'startup', 'chromium', 'firefox'];

const gen = (paragraphs: number, p: Partial<PagePlan>): PagePlan => ({
  id: `gen-${paragraphs >= 1000 ? `${paragraphs / 1000}k` : paragraphs}`,
  paragraphs,
  runs: 3,
  refRuns: 1,
  markCapMs: 6000,
  advCapMs: 15000,
  oursCapMs: 60000,
  breakdown: true,
  ...p,
});

const real = (file: string, p: Partial<PagePlan>): PagePlan => ({
  id: file.replace(/\.html$/, ''),
  file,
  runs: 3,
  refRuns: 1,
  markCapMs: 4000,
  advCapMs: 10000,
  oursCapMs: 20000,
  breakdown: true,
  ...p,
});

export function parsePlan(argv: readonly string[]): Plan {
  const flag = (name: string) => argv.includes(`--${name}`);
  const value = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const quick = flag('quick');
  const only = value('only')?.split(',') as Section[] | undefined;
  for (const s of only ?? []) if (!ALL.includes(s)) throw new Error(`bench: unknown section "${s}" (one of ${ALL.join(', ')})`);
  const sizes = value('search-sizes')?.split(',').map(Number);
  const budgetMs = Number(value('budget') ?? (quick ? 240 : 900)) * 1000;
  const scaleArticles = value('scale-articles');
  const scaleBrowsers = (value('scale-browsers')?.split(',') ?? ['chromium', 'firefox']) as Array<'chromium' | 'firefox'>;
  for (const b of scaleBrowsers) if (b !== 'chromium' && b !== 'firefox') throw new Error(`bench: unknown browser "${b}" (chromium or firefox)`);

  const plan: Plan = quick
    ? {
        quick,
        trace: false,
        write: flag('write'),
        budgetMs,
        sections: new Set(only ?? ALL),
        pages: {
          chromium: [
            gen(1000, { runs: 1, markCapMs: 2000, advCapMs: 5000 }),
            gen(10000, { runs: 1, markCapMs: 2000, advCapMs: 5000, live: 1000 }),
            real('wikipedia-2.html', { runs: 1, markCapMs: 2000, advCapMs: 5000 }),
          ],
          firefox: [gen(10000, { runs: 1, markCapMs: 2000, advCapMs: 5000, live: 1000 })],
        },
        popupRuns: 3,
        matcher: { megabytes: 2, runs: 1, perAliasMegabytes: 0.2 },
        search: { sizes: sizes ?? [1000], queries: 100, knownItems: 100, budgetMs: 60_000, reserveMs: 120_000 },
        save: { saved: 1000, words: 1500, runs: 3 },
        scale: { articles: Number(scaleArticles ?? 1000), coldRuns: 2, saveRuns: 2, queries: 50, browsers: scaleBrowsers },
        followed: 100,
        startup: { loads: 5 },
      }
    : {
        quick,
        trace: false,
        write: !flag('no-write'),
        budgetMs,
        sections: new Set(only ?? ALL),
        pages: {
          chromium: [
            gen(1000, { markCapMs: 3000 }),
            // The headline ratios: more loads than elsewhere, because this 2-core machine's times swing ±20% from load to load.
            gen(10000, { runs: 7, live: 1000, markCapMs: 5000 }),
            real('wikipedia-2.html', { runs: 2, markCapMs: 3000 }),
            // The optional pages come last, measured only if the budget allows.
            real('breitbart.html', { runs: 2, markCapMs: 0, needsMs: 25000 }),
            // Live updates here too: the same 1,000 paragraphs as on the 10,000-paragraph page, to see whether an update's cost follows the page's size.
            gen(50000, { runs: 1, refRuns: 0, markCapMs: 0, breakdown: false, oursCapMs: 45000, needsMs: 60000, live: 1000 }),
          ],
          firefox: [
            // As many loads as Chromium's: Firefox's floor alone swings widely from one run to the next.
            gen(10000, { runs: 7, live: 1000, markCapMs: 4000 }),
            real('wikipedia-2.html', { runs: 1, markCapMs: 2000, needsMs: 15000 }),
            // Its longest frame gap: the walk's queries over the whole page grow with it (exclusions.ts, boundedQueries).
            gen(50000, { runs: 1, refRuns: 0, markCapMs: 0, breakdown: false, oursCapMs: 45000, needsMs: 30000 }),
          ],
        },
        popupRuns: 5,
        matcher: { megabytes: 10, runs: 3, perAliasMegabytes: 1 },
        // Each size builds two libraries (before and now): 10,000 articles take about two minutes.
        search: { sizes: sizes ?? [1000, 10000, 50000], queries: 200, knownItems: 250, budgetMs: 260_000, reserveMs: 480_000 },
        save: { saved: 1000, words: 1500, runs: 7 },
        scale: { articles: Number(scaleArticles ?? 10000), coldRuns: 5, saveRuns: 5, queries: 200, browsers: scaleBrowsers },
        followed: 100,
        startup: { loads: 15 },
      };
  // An explicit --budget is for the long measurements (the 50,000-article library): search may use all of it.
  if (value('budget') !== undefined) plan.search.budgetMs = budgetMs;
  const followed = value('followed');
  if (followed !== undefined) {
    plan.followed = Number(followed);
    if (!Number.isInteger(plan.followed) || plan.followed < 0) throw new Error(`bench: --followed=${followed} is not a count`);
  }
  const json = value('json');
  if (json) plan.json = json;
  plan.trace = flag('trace');
  if (flag('no-write')) plan.write = false;
  const scanRuns = value('scan-runs');
  if (scanRuns !== undefined) {
    const runs = Number(scanRuns);
    if (!Number.isInteger(runs) || runs < 1) throw new Error(`bench: --scan-runs=${scanRuns} is not a count`);
    const page = gen(10000, { runs, refRuns: 0, markCapMs: 0, breakdown: false });
    plan.pages = { chromium: [page], firefox: [page] };
    plan.write = false;
  }
  return plan;
}
