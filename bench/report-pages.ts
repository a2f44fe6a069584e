// The report's parts about highlighting pages: the helpers that read a
// page's runs, and the tables of time to highlight, where our time goes, and
// live updates. report.ts puts them together with the rest.
import type { BrowserName } from './browsers';
import type { OursRun, PageResult, RefRun } from './highlight';
import { bytes, int, median, ms, ratio } from './stats';

export const TARGET_TASK_MS = 50;
/** One frame at 60 Hz: what a gap between frames may hold of idle time. */
export const FRAME_MS = 17;

export function table(head: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

export const complete = (runs: readonly OursRun[]) => runs.filter((r) => r.complete);
/** Ours: the whole page scanned (every mention indexed) and the frame after. */
export const oursMs = (p: PageResult) => median(complete(p.ours).map((r) => r.ms));
/** Ours: the names in view lit. */
export const litMs = (p: PageResult) => median(complete(p.ours).map((r) => r.litMs));
export const firstLitMs = (p: PageResult) => median(complete(p.ours).map((r) => r.firstLitMs));
/** The floor in the page's own world. */
export const floorMs = (p: PageResult) => median(p.floor.map((r) => r.ms));
/** The floor as a content script runs it, where ours runs; NaN in results saved before it was measured. */
export const floorCsMs = (p: PageResult) => median((p.floorContentScript ?? []).map((r) => r.ms));
/**
 * The floor's runs the target is read against: the content script's (in
 * Firefox, the page's world is one no content script can walk in), or, in
 * results saved before those were measured, the page's.
 */
export const targetFloorRuns = (p: PageResult) => (p.floorContentScript?.length ? p.floorContentScript : p.floor);
export const targetFloorMs = (p: PageResult) => median(targetFloorRuns(p).map((r) => r.ms));
/**
 * The least and the most of a few loads' times: on a shared machine one
 * load of the floor may take twice as long as another, which
 * moves the ratio of the medians as much as a change of ours does.
 */
export const spread = (xs: readonly number[]) => (xs.length === 0 ? '—' : `${ms(Math.min(...xs))} to ${ms(Math.max(...xs))}`);
/** A reference's time: measured, or projected from the share done when it was stopped at its cap. */
export const refMs = (runs: readonly RefRun[]) => median(runs.map((r) => r.projectedMs ?? r.ms));
export const projected = (runs: readonly RefRun[]) => runs.some((r) => r.projectedMs !== undefined);

export function oursCell(p: PageResult): string {
  const done = complete(p.ours);
  if (p.ours.length === 0) return '—';
  if (done.length === 0) return `> ${ms(p.spec.oursCapMs)} (not over)`;
  return `${ms(oursMs(p))}${done.length < p.ours.length ? ` (${done.length} of ${p.ours.length} runs finished)` : ''}`;
}

/** The longest task over the runs: "none over 50 ms" when the Long Tasks API saw none. */
export function taskCell(runs: readonly OursRun[]): string {
  const t = Math.max(...runs.map((x) => x.longestTask ?? NaN));
  if (!Number.isFinite(t)) return '—';
  if (t === 0) return `none over ${TARGET_TASK_MS} ms`;
  const counts = runs.map((x) => x.longTasks ?? 0);
  return `${ms(t)} (${int(median(counts))} tasks over ${TARGET_TASK_MS} ms per run, median of ${runs.length})`;
}

/** The longest animation frame over 50 ms, with its rendering part. */
export function frameCell(runs: readonly OursRun[]): string {
  const worst = runs.reduce<OursRun | undefined>((a, b) => ((b.longestFrame ?? -1) > (a?.longestFrame ?? -1) ? b : a), undefined);
  return worst?.longestFrame === undefined ? 'none over 50 ms' : `${ms(worst.longestFrame)} (${ms(worst.longestFrameRender)})`;
}

export function refCell(runs: readonly RefRun[]): string {
  if (runs.length === 0) return 'not run';
  const t = refMs(runs);
  if (!projected(runs)) return ms(t);
  const r = runs.find((x) => x.done !== undefined)!;
  return `≈ ${ms(t)} ¹ (${Math.round((r.done ?? 0) * 100)}% in ${ms(r.ms)})`;
}

export const pageSize = (p: PageResult) => (p.spec.bytes ? bytes(p.spec.bytes) : '');
export const pageName = (p: PageResult) => `${p.spec.id}${pageSize(p) ? ` (${pageSize(p)})` : ''}`;
export const browserTitle = (b: BrowserName) => (b === 'chromium' ? 'Chromium' : 'Firefox');
export const status = (ok: boolean | undefined) => (ok === undefined ? 'not measured' : ok ? '**met**' : '**missed**');

/** The page's own longest frame gap after its load, without the extension (Firefox): the largest of its loads; NaN if not measured. */
export function pageAloneMax(p: PageResult): number {
  return p.pageAloneGaps.length ? Math.max(...p.pageAloneGaps) : NaN;
}

export function pageAloneCell(p: PageResult): string {
  return p.pageAloneGaps.length ? `${ms(pageAloneMax(p))} (${p.pageAloneGaps.length})` : '—';
}

export function highlighting(all: readonly PageResult[], b: BrowserName): string {
  const pages = all.filter((p) => p.browser === b);
  if (!pages.length) return '';
  const timing = table(
    ['page', 'text nodes', 'mentions', 'ours: first names lit / all in view', 'ours: whole page scanned', 'floor: content script / page', 'scanned ÷ floor: content script / page', 'advanced-mark.js', 'mark.js', 'mark.js ÷ ours', 'runs'],
    pages.map((p) => [
      pageName(p),
      int(p.census?.textNodes),
      int(p.census?.mentions),
      `${ms(firstLitMs(p))} / ${ms(litMs(p))} (${int(median(p.ours.map((x) => x.count)))} ranges)`,
      oursCell(p),
      `${ms(floorCsMs(p))} / ${ms(floorMs(p))}`,
      `${ratio(oursMs(p) / floorCsMs(p))} / ${ratio(oursMs(p) / floorMs(p))}`,
      refCell(p.advancedMark),
      refCell(p.markJs),
      ratio(refMs(p.markJs) / oursMs(p)),
      `${p.ours.length}/${p.floorContentScript?.length ?? 0}/${p.floor.length}/${p.advancedMark.length}/${p.markJs.length}`,
    ]),
  );
  const chromium = b === 'chromium';
  const heapOf = (runs: readonly { heapDelta?: number }[]) => median(runs.map((x) => x.heapDelta ?? NaN));
  const resp = table(
    chromium
      ? ['page', 'longest task (ours)', 'longest animation frame (of it: style, layout, paint)', 'longest frame gap', 'heap: ours', 'heap: advanced-mark.js', 'heap: mark.js', 'matches: floor / adv. / mark.js']
      : ['page', 'longest frame gap (ours)', 'the page alone: longest frame gap over as long after its load (loads)', 'matches: floor / adv. / mark.js'],
    pages.map((p) => {
      const counts = `${int(median(p.floor.map((x) => x.count)))} / ${int(median(p.advancedMark.map((x) => x.count)))} / ${p.markJs.some((x) => x.projectedMs) ? '(stopped)' : int(median(p.markJs.map((x) => x.count)))}`;
      return chromium
        ? [pageName(p), taskCell(p.ours), frameCell(p.ours), ms(Math.max(...p.ours.map((x) => x.frameGap))), bytes(heapOf(p.ours)), bytes(heapOf(p.advancedMark)), bytes(heapOf(p.markJs)), counts]
        : [pageName(p), ms(Math.max(...p.ours.map((x) => x.frameGap))), pageAloneCell(p), counts];
    }),
  );
  return `### ${browserTitle(b)}\n\nTime to highlight (medians; the content script paints only the mentions near the viewport, and indexes all of them: the ratios use the whole page scanned; runs = ours/floor as a content script/floor in the page/advanced-mark.js/mark.js fresh page loads):\n\n${timing}\n\nResponsiveness and memory while ours runs${chromium ? '' : ' (Firefox over WebDriver BiDi has no trace and no heap figures)'}:\n\n${resp}`;
}

export function breakdown(pages: readonly PageResult[]): string {
  const rows = pages
    .flatMap((p) => [
      ...(p.breakdown ? [[p, p.breakdown, 'page'] as const] : []),
      ...(p.breakdownContentScript ? [[p, p.breakdownContentScript, 'content script'] as const] : []),
    ])
    .map(([p, d, world]) => {
      return [
        browserTitle(p.browser),
        pageName(p),
        world,
        int(d.mentions),
        ms(d.walk),
        ms(d.walkCallback),
        ms(d.walkBare),
        ms(d.walkMatch),
        ms(d.walkMatchHighlight),
        ms(d.matchOnly),
        ms(d.highlightOnly),
        ms(d.firstFrame),
        `${ms(d.mutationFrameWith)} / ${ms(d.mutationFrameWithout)}`,
        ms(oursMs(p)),
      ];
    });
  if (!rows.length) return '';
  return table(
    ['browser', 'page', 'world', 'ranges', 'walk (the scanner\'s: no callback)', 'walk (with a filter callback, as the scanner had)', 'walk (bare SHOW_TEXT)', 'walk + match', 'walk + match + ranges', 'match only', 'ranges only', 'frame after registering all ranges', 'frame after a 1-node DOM change: with our ranges / without', 'ours (content script, for comparison)'],
    rows,
  );
}

export function live(pages: readonly PageResult[]): string {
  const rows = pages
    .filter((p) => p.spec.liveParagraphs)
    .map((p) => {
      const runs = p.ours.map((x) => x.live).filter((x): x is NonNullable<typeof x> => x !== undefined);
      const t = median(runs.map((x) => x.ms));
      return [
        browserTitle(p.browser),
        pageName(p),
        int(p.spec.liveParagraphs),
        int(p.liveMentions),
        ms(median(runs.map((x) => x.litMs))),
        ms(t),
        ms(p.liveBaselineMs),
        p.liveBaselineMs === undefined ? '—' : ms(t - p.liveBaselineMs),
        ms(oursMs(p)),
        ratio(t / oursMs(p)),
        `${ms(median(p.ours.flatMap((x) => (x.removalMs === undefined ? [] : [x.removalMs]))))} / ${ms(p.removalBaselineMs)}`,
        String(runs.length),
      ];
    });
  if (!rows.length) return '';
  return table(
    ['browser', 'page', 'inserted paragraphs', 'new mentions', 'new names in view lit', 'all of them scanned', 'without the extension: the insertion to the next frame', 'ours beyond the page\'s own', 'full scan of the page (ours)', 'scanned ÷ full scan', 'then the article removed: the page\'s task, with ours / without', 'runs'],
    rows,
  );
}

