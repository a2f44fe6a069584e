// Saving what the reader reads: extract.js is injected into the tab's top
// frame (it is not a content script, so pages that are never saved never load
// Readability), it hands back the article or the selection, and the record
// made of it is checked again here, since it was read from a web page.
import { passageUrl } from '../core/canonical-url';
import { localDay } from '../core/published-date';
import type { NameSuggestion } from '../core/name-suggest';
import { formatBytes, savedArticleProblem } from '../core/saved-article';
import browser from '../shared/browser';
import { EXTRACT_GLOBAL, type Extraction, type ExtractMode } from '../shared/extraction';
import type { SaveOutcome } from '../shared/messages';
import type { NewSavedArticle, SavedLibrary } from './saved-library';
import { storeError } from './saved-store';

/** Reads the tab; undefined when the browser does not let the extension into it. */
export type TabExtractor = (tabId: number, mode: ExtractMode, frameId?: number) => Promise<Extraction | undefined>;

/** What the browsers say when they keep an extension out of a tab (their own pages, the add-on stores) or the tab is gone. */
const KEPT_OUT = /cannot access|cannot be scripted|missing host permission|no tab with id|invalid tab|extensions gallery|no window matching|frame with id/i;

export interface SaveDeps {
  extract: TabExtractor;
  saved: SavedLibrary;
  now(): number;
  /** Names the saved article repeats that no entity has, to offer to follow (core/name-suggest.ts). */
  suggest?(article: NewSavedArticle): NameSuggestion[];
}

export async function saveFromTab(deps: SaveDeps, tabId: number, mode: ExtractMode, frameId?: number): Promise<SaveOutcome> {
  let extraction: Extraction | undefined;
  try {
    extraction = await deps.extract(tabId, mode, frameId);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (KEPT_OUT.test(message)) return { status: 'unavailable' };
    return { status: 'error', reason: 'failed', message: `NewsContext: the page could not be read (${message}).` };
  }
  if (!extraction) return { status: 'unavailable' };
  const made = recordFrom(extraction, deps.now());
  if ('status' in made) return made;
  const problem = savedArticleProblem({ ...made, id: 's-' });
  if (problem) return { status: 'error', reason: 'failed', message: `NewsContext: this page cannot be saved: its text ${problem}.` };
  try {
    const { status, article } = await deps.saved.save(made);
    const suggestions = suggestionsFor(deps, made);
    return { status, id: article.id, title: article.title, kind: article.kind, ...(suggestions.length ? { suggestions } : {}) };
  } catch (error) {
    const e = storeError(error);
    return { status: 'error', reason: e.kind === 'quota' ? 'quota' : 'failed', message: e.message };
  }
}

/** The names to offer after a save; a failure there never hides that the article was saved. */
function suggestionsFor(deps: SaveDeps, article: NewSavedArticle): NameSuggestion[] {
  try {
    return deps.suggest?.(article) ?? [];
  } catch (error) {
    console.error('NewsContext:', error);
    return [];
  }
}

/** The record an extraction makes, or the outcome that says why there is none. */
export function recordFrom(extraction: Extraction, savedAt: number): NewSavedArticle | SaveOutcome {
  const { page } = extraction;
  if (extraction.kind === 'not-article') return { status: 'not-article' };
  if (extraction.kind === 'no-selection') return { status: 'no-selection' };
  if (extraction.kind === 'too-big') return { status: 'too-big', size: formatBytes(extraction.bytes) };
  if (page.url === null) return { status: 'unavailable' };
  const common = {
    title: page.title,
    source: page.source,
    ...(page.author ? { author: page.author } : {}),
    date: page.date ?? localDay(savedAt),
    dateKnown: page.date !== null,
    lang: page.lang,
    savedAt,
  };
  if (extraction.kind === 'selection') {
    const [lead = '', ...paragraphs] = extraction.paragraphs;
    return { ...common, kind: 'selection', url: passageUrl(page.url, extraction.paragraphs.join(' ')), lead, paragraphs };
  }
  return { ...common, kind: 'article', url: page.url, lead: extraction.lead, paragraphs: extraction.paragraphs };
}

/**
 * Runs extract.js in the tab's top frame, then its entry with the mode. A
 * selection in a child frame is read there first. Needs host access to the
 * tab (manifest host_permissions: Chrome does not count content-script
 * matches for scripting.executeScript, Firefox does).
 */
export const extractFromTab: TabExtractor = async (tabId, mode, frameId) => {
  const top = { tabId, frameIds: [0] };
  let selection: string | null = null;
  if (mode === 'selection' && frameId !== undefined && frameId !== 0) {
    const [read] = await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, func: () => getSelection()?.toString() ?? '' });
    selection = typeof read?.result === 'string' ? read.result : null;
  }
  await browser.scripting.executeScript({ target: top, files: ['extract.js'] });
  const [result] = await browser.scripting.executeScript({
    target: top,
    func: (name: string, m: ExtractMode, s: string | null) =>
      (globalThis as unknown as Record<string, (m: ExtractMode, s?: string) => Extraction>)[name]!(m, s ?? undefined),
    args: [EXTRACT_GLOBAL, mode, selection],
  });
  // Firefox hands back what the script threw as `error`.
  const thrown = (result as { error?: unknown } | undefined)?.error;
  if (thrown !== undefined) throw thrown instanceof Error ? thrown : new Error(String((thrown as { message?: unknown })?.message ?? thrown));
  return result?.result as Extraction | undefined;
};

