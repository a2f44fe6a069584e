// Investigation, not part of npm run bench: where Firefox's content process
// spends its main thread while our content script runs, from the Gecko
// profiler (started with the browser by its MOZ_PROFILER_* environment
// variables, written when the browser shuts down). Over fresh loads of a
// generated page: of the samples with content.js on the stack, the share of
// each deepest named frame (ours, a DOM call such as "get Node.parentElement",
// or the engine's: "Minor GC", "Ion script compilation") and of each function
// of ours on the stack. Native frames are not symbolicated and are skipped.
// The profiler slows the scan (about 2x); the shares are what to read. Build
// unminified first, to read names:
//   NC_NO_MINIFY=1 npm run build && npx tsx bench/profile-firefox.ts [paragraphs] [loads] [top]
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchOurs, serveGeneratedPage } from './investigate';

/** The parts of a Gecko profile (as the browser writes it at shutdown) read here. */
interface GeckoTable {
  schema: Record<string, number>;
  data: Array<Array<number | null>>;
}

interface GeckoThread {
  name: string;
  processType?: string;
  stringTable: string[];
  frameTable: GeckoTable;
  stackTable: GeckoTable;
  samples: GeckoTable;
}

interface GeckoProfile {
  threads?: GeckoThread[];
  processes?: GeckoProfile[];
}

const paragraphs = Number(process.argv[2] ?? 10_000);
const loads = Number(process.argv[3] ?? 3);
const top = Number(process.argv[4] ?? 40);

const dir = mkdtempSync(join(tmpdir(), 'nc-gecko-profile-'));
const file = join(dir, 'profile.json');
Object.assign(process.env, {
  MOZ_PROFILER_STARTUP: '1',
  MOZ_PROFILER_SHUTDOWN: file,
  // JS frames and labels only: no native stack walking, which costs more and is not symbolicated here.
  MOZ_PROFILER_STARTUP_FEATURES: 'js',
  MOZ_PROFILER_STARTUP_INTERVAL: '0.5',
  MOZ_PROFILER_STARTUP_ENTRIES: '100000000',
});

const { url, close: closeServer } = await serveGeneratedPage(paragraphs);
try {
  const browser = await launchOurs('firefox');
  try {
    for (let l = 0; l < loads; l++) {
      const page = await browser.newPage();
      await page.goto(`${url}#nc-bench`, 120_000);
      await page.evaluate('__ncBench.done');
      console.log(`load ${l + 1}: scan ${await page.evaluate<number>('__ncBench.scanEnd - __ncBench.t0')} ms (profiled)`);
      await page.close();
    }
  } finally {
    // The profile is written as the browser shuts down.
    await browser.close();
  }
  const profile = JSON.parse(readFileSync(file, 'utf8')) as GeckoProfile;
  report(profile);
} finally {
  await closeServer();
  rmSync(dir, { recursive: true, force: true });
}

function* contentThreads(p: GeckoProfile): Generator<GeckoThread> {
  for (const t of p.threads ?? []) if (t.name === 'GeckoMain' && t.processType === 'tab') yield t;
  for (const sub of p.processes ?? []) yield* contentThreads(sub);
}

function report(profile: GeckoProfile): void {
  const deepest = new Map<string, number>();
  const onStack = new Map<string, number>();
  let samples = 0;
  const add = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  const clean = (location: string) => location.replace(/moz-extension:\/\/[^/]+\//, '');
  for (const t of contentThreads(profile)) {
    const location = t.frameTable.data.map((f) => clean(t.stringTable[f[t.frameTable.schema.location!]!]!));
    const { prefix, frame } = t.stackTable.schema as { prefix: number; frame: number };
    const stacks = new Map<number, string[]>();
    const framesOf = (stack: number): string[] => {
      let out = stacks.get(stack);
      if (!out) {
        out = [];
        for (let s: number | null = stack; s !== null; s = t.stackTable.data[s]![prefix] ?? null) out.push(location[t.stackTable.data[s]![frame]!]!);
        stacks.set(stack, out);
      }
      return out;
    };
    for (const row of t.samples.data) {
      const stack = row[t.samples.schema.stack!];
      if (stack === null || stack === undefined) continue;
      const frames = framesOf(stack);
      if (!frames.some((f) => f.includes('content.js'))) continue;
      samples++;
      // Unsymbolicated native and JIT frames read "0x...": the deepest frame with a name stands for the sample.
      const named = frames.filter((f) => !f.startsWith('0x'));
      add(deepest, named[0]!);
      for (const f of new Set(named.filter((f) => f.includes('content.js')))) add(onStack, f);
    }
  }
  const print = (m: Map<string, number>) => {
    for (const [k, n] of [...m].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${((100 * n) / samples).toFixed(1).padStart(6)}%  ${k}`);
  };
  console.log(`${samples} samples with content.js on the stack; by deepest named frame:`);
  print(deepest);
  console.log('functions of ours on the stack:');
  print(onStack);
}
