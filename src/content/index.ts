// The content script: flags the entities a page names with CSS Custom
// Highlights, keeps up with a live page, and opens a card of related articles
// on hover. It never changes the page's nodes; the only element it adds is the
// card's host, on first use. Its names come from the lit gazetteer in storage
// (shared/lit-gazetteer.ts): when what is lit changes, it starts again with
// the new one.
import { createMatcher } from '../core/matcher';
import type { LitGazetteer } from '../core/lit';
import type { CompiledGazetteer } from '../core/types';
import { textLooksAzerbaijani, writesEndingsOnNames } from '../core/turkic-suffix';
import browser, { type Runtime } from '../shared/browser';
import { isPageNotice, isShowCardCommand } from '../shared/messages';
import { send } from '../shared/send';
import { forSite, getLitGazetteer, onLitGazetteerChanged } from '../shared/lit-gazetteer';
import { getSettings, isPaused, onSettingsChanged } from '../shared/settings';
import { isContextValid, isInvalidatedError } from './context-guard';
import { DesignModeWatch } from './design-mode';
import { isInsideExcluded } from './dom/exclusions';
import { HighlightSet } from './highlights';
import { ViewportPainter } from './viewport-painter';
import { HoverController } from './hover';
import { LateHosts } from './late-hosts';
import { LiveUpdates } from './live-updates';
import { PageIndex } from './page-index';
import { pageEntities, Reporter } from './report';
import { Scanner } from './scanner';
import { textSample } from './text-sample';
import { takeEarlyRead } from './early/early-read';
import { CardView } from './ui/card-view';
import { PageNotice, type ShownNotice } from './ui/page-notice';
import { spanRange } from './dom/block-text';

/** User Timing marks: the script's start, the lit gazetteer in hand, and the matcher ready (npm run bench reads them). */
export const SCRIPT_START_MARK = 'newscontext-script-start';
export const GAZETTEER_READ_MARK = 'newscontext-gazetteer-read';
export const MATCHER_READY_MARK = 'newscontext-matcher-ready';

export interface ContentScript {
  /** Stops and takes everything away; returns the notice it was showing, for the next start to show on. */
  destroy(): ShownNotice | null;
  /** Calls `then` once no card is open: at once, or when the open one closes. */
  whenIdle(then: () => void): void;
}

/** Starts on `win`'s document; `carried` is a notice the previous start was showing, shown on for its time left. */
export function init(gazetteer: CompiledGazetteer, win: Window = window, carried: ShownNotice | null = null): ContentScript | null {
  const doc = win.document;
  // XML documents, image viewers and browsers without the Highlight API get nothing.
  if (!(doc instanceof HTMLDocument) || !doc.body || typeof Highlight !== 'function' || !('highlights' in CSS)) return null;

  // An Azerbaijani page writes case endings onto names ("Əliyevin"): the matcher takes them there only.
  // A page that does not say it is one is told by its letters: it may not say
  // its language, or say the wrong one (a site template's lang="en").
  const endingsOnNames = writesEndingsOnNames(doc.documentElement.lang) || textLooksAzerbaijani(textSample(doc));
  const matcher = createMatcher(gazetteer, { endingsOnNames, lazy: true });
  performance.clearMarks(MATCHER_READY_MARK);
  performance.mark(MATCHER_READY_MARK);
  const highlights = new HighlightSet();
  const painter = new ViewportPainter(highlights, (id) => matcher.entity(id)?.type ?? 'place');
  const index = new PageIndex(matcher, painter);
  let destroyed = false;
  let running = false;
  /** Highlighting paused for this site (settings); unknown until they are read. */
  let paused: boolean | undefined;
  let scanner: Scanner | null = null;
  let live: LiveUpdates | null = null;
  /** Whether the document was looked through for custom elements since the scanning started. */
  let lateNoted = false;
  // A custom element defined or given a shadow root after the walk passed it: the root is observed and scanned like one found by the walk.
  const late = new LateHosts((shadow) => {
    if (isInsideExcluded(shadow.host, ownHost())) return;
    live?.observe(shadow);
    late.noteLater(shadow);
    scanner?.enqueue(shadow);
  });

  const collect = () => pageEntities(index, matcher, doc);
  const guard = (error: unknown) => {
    if (isInvalidatedError(error) || !isContextValid()) destroy();
  };

  const reporter = new Reporter(
    index,
    async (entities) => {
      index.pruneDisconnected();
      await send('page/entities', { url: win.location.href, title: doc.title, entities }).catch(guard);
    },
    collect,
  );

  /** Who waits for the open card to close (whenIdle). */
  const idle: Array<() => void> = [];
  const card = new CardView(doc, {
    card: (entityId, page) => send('card', { entityId, page }),
    pageEntities: collect,
    openArticle: (id) => void send('open', { page: 'article', id }).catch(guard),
    showAll: (entityId) => void send('open', { page: 'entity', id: entityId }).catch(guard),
    entityName: (id) => matcher.entity(id)?.name ?? id,
    savePage: () => send('save', {}),
    // After the closing is done: a waiter may destroy this script.
    onClosed: () => idle.length > 0 && queueMicrotask(() => idle.splice(0).forEach((then) => then())),
  });
  const hover = new HoverController(doc, index, card, (hit) => {
    const at = hit && spanRange(hit.node, hit.mention);
    highlights.setCurrent(at ? new StaticRange(at) : null);
  });
  const ownHost = () => card.shadow.host;

  // The keyboard shortcut reaches every frame of the tab: the one with the
  // focus answers (a page whose focus is in one of its frames leaves it to the frame).
  const notice = new PageNotice(doc, () => card.shadow.ensure());
  if (carried && carried.untilMs > performance.now()) notice.show(carried.text, carried.ok, carried.untilMs);
  // A press that comes before the settings are read (the page just loaded) is
  // answered once they are, if the frame then runs.
  let keyPressedEarly = false;
  const showFromKeyboard = () => {
    const active = doc.activeElement?.localName;
    if (doc.hasFocus() && active !== 'iframe' && active !== 'frame') hover.showFromKeyboard();
  };
  const onMessage = (message: unknown, sender: Runtime.MessageSender): undefined => {
    if (sender.id !== browser.runtime.id) return;
    if (isPageNotice(message)) return void notice.show(message.text, message.ok);
    if (!isShowCardCommand(message)) return;
    if (running) showFromKeyboard();
    else if (paused === undefined) keyPressedEarly = true;
  };
  browser.runtime.onMessage.addListener(onMessage);

  // A document in design mode is an editor, all of it: no names are flagged
  // there (a highlight under the caret would distract whoever is typing), and
  // they come back when it leaves design mode.
  const designMode = new DesignModeWatch(doc, () => update());

  /** Runs or stops as the settings and the document's design mode say. */
  function update(): void {
    if (destroyed || paused === undefined) return;
    if (paused || designMode.isOn) stop();
    else start();
    if (keyPressedEarly) {
      keyPressedEarly = false;
      if (running) showFromKeyboard();
    }
  }

  function start(): void {
    if (running || destroyed) return;
    running = true;
    highlights.ensureRegistered();
    scanner = new Scanner(index, {
      ownHost,
      onShadowRoot: (root) => {
        live?.observe(root);
        late.scanned(root);
        late.noteLater(root);
      },
      onIdle: () => {
        painter.flush();
        reporter.schedule();
        if (!lateNoted) {
          lateNoted = true;
          late.noteLater(doc);
        }
      },
    });
    live = new LiveUpdates(scanner, ownHost, (added) => {
      if (!isContextValid()) return void destroy();
      // A script may turn design mode on and fill the editor without any input from the reader.
      designMode.check();
      if (!running) return;
      // A definition, or a new shadow root, often comes with other changes to the page.
      for (const el of added) late.noteLater(el);
      late.checkSoon();
      // The page's scripts may have cleared CSS.highlights: put ours back.
      if (highlights.isDisturbed()) highlights.ensureRegistered();
      reporter.schedule();
    });
    live.observe(doc);
    scanner.enqueue(doc.body);
  }

  function stop(): void {
    if (!running) return;
    running = false;
    scanner?.stop();
    live?.disconnect();
    late.clear();
    lateNoted = false;
    scanner = null;
    live = null;
    card.close();
    highlights.unregister();
    index.clear();
    void reporter.flush();
  }

  function destroy(): ShownNotice | null {
    if (destroyed) return null;
    stop();
    destroyed = true;
    hover.destroy();
    designMode.destroy();
    browser.runtime.onMessage.removeListener(onMessage);
    const shown = notice.current();
    notice.hide();
    reporter.destroy();
    card.destroy();
    stopWatchingSettings();
    return shown;
  }

  const stopWatchingSettings = onSettingsChanged((settings) => {
    paused = isPaused(settings, win.location.href);
    update();
  });

  getSettings().then(
    (settings) => {
      paused ??= isPaused(settings, win.location.href);
      // Tell the background that this frame names nothing: stop() does nothing when it never ran.
      if (paused || designMode.isOn) void reporter.flush();
      update();
    },
    (error: unknown) => {
      guard(error);
      paused ??= false;
      update();
    },
  );

  return {
    destroy,
    whenIdle: (then) => (card.isOpen() && !destroyed ? idle.push(then) : then()),
  };
}

/**
 * Starts in this frame with the lit gazetteer, and again with each new one:
 * a save, a follow, a mute or a setting lights or unlights names on every
 * open tab without a reload.
 */
async function boot(): Promise<void> {
  let script: ContentScript | null = null;
  /** A new gazetteer came while the first was on its way: the first is stale. */
  let changed = false;
  /** The newest gazetteer, waiting for the open card to close. */
  let next: LitGazetteer | null = null;
  // The names muted on this site are left out before the matcher is made. A
  // card the reader is using (saving the page from it lights the article's
  // names) is not pulled from under the pointer: the page lights anew when it closes.
  const relight = (g: LitGazetteer) => {
    const waiting = next !== null;
    next = g;
    if (waiting) return;
    const start = () => {
      const latest = next!;
      next = null;
      // A notice the page shows (what a save or a follow did) stays through the relighting it causes.
      const shown = script?.destroy() ?? null;
      script = init(forSite(latest, location.hostname), window, shown);
    };
    if (script) script.whenIdle(start);
    else start();
  };
  const stopListening = onLitGazetteerChanged((g) => {
    changed = true;
    relight(g);
  });
  try {
    // The read content-start.js began at document_start, taken as the listener above starts.
    const first = await getLitGazetteer(takeEarlyRead()?.take());
    performance.clearMarks(GAZETTEER_READ_MARK);
    performance.mark(GAZETTEER_READ_MARK);
    if (!changed) relight(first);
  } catch (error) {
    // The extension was reloaded or removed under the page: nothing to start.
    if (isInvalidatedError(error) || !isContextValid()) stopListening();
    else console.error('NewsContext:', error);
  }
}

// Started by the browser; tests import init() instead.
if (typeof browser !== 'undefined' && typeof document !== 'undefined' && !('__vitest_worker__' in globalThis)) {
  performance.clearMarks(SCRIPT_START_MARK);
  performance.mark(SCRIPT_START_MARK);
  void boot();
}
