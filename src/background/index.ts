// The background: loads the library lazily, answers typed messages from our
// own content scripts and pages, keeps per-tab state and the badge, and saves
// pages into the reader's library (popup, context menu, keyboard).
import gazetteer from 'virtual:gazetteer';
import { effectiveNames } from '../core/effective-kb';
import { loadEntityNames } from '../core/entity-names';
import { suggestNames } from '../core/name-suggest';
import browser, { type Runtime } from '../shared/browser';
import type { ExtractMode } from '../shared/extraction';
import { announceLibraryChange } from '../shared/library-events';
import { parseRequest, type PageEntity, type PageNoticeMessage, type Reply } from '../shared/messages';
import { isSaveSuccess, saveOutcomeText } from '../shared/save-outcome';
import { getSettings, onSettingsChanged } from '../shared/settings';
import { badgeText, showBadge } from './badge';
import { handleCommand } from './commands';
import { createEntitiesHandlers } from './entities-handlers';
import { createEntityHandlers } from './entity-handlers';
import { followSelection } from './follow-selection';
import { createHandlers, type HandlerContext, type Handlers } from './handlers';
import { createKnowledge } from './knowledge';
import { packagedJson } from './packaged-json';
import { initSidePanelMenu } from './side-panel-menu';
import { createLibraryLoader } from './library-store';
import { ImportStaging } from './import-staging';
import { createLitPublisher } from './lit-publisher';
import { createMenus, FOLLOW_SELECTION_MENU, menuMode } from './menus';
import { readerLibrary, syncNames } from './names-sync';
import { extractFromTab, saveFromTab } from './save';
import { SavedLibrary } from './saved-library';
import { openSavedStore, type SavedStore } from './saved-store';
import { clearTabState, mergeFrame } from './tab-state';
import { getTabState } from '../shared/tab-state';

/** How long the messages must stop before the full-text index loads unasked. */
const WARM_AFTER_MS = 250;

/** Lets other work (messages, IndexedDB's answers) run between the steps of long work. */
const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** A failure no caller waits for: the background's console is where a developer looks. */
function logError(error: unknown): void {
  console.error('NewsContext:', error);
}

/** Messages are accepted only from this extension's own scripts and pages. */
export function isOwnSender(sender: Runtime.MessageSender): boolean {
  return sender.id === browser.runtime.id;
}

export function init(): void {
  // The bundled knowledge base with the reader's names; its matcher follows every change.
  const knowledge = createKnowledge(gazetteer);
  const { matcher } = knowledge;
  let store: Promise<SavedStore> | undefined;
  const openStore = () => {
    store ??= openSavedStore();
    store.catch(() => (store = undefined));
    return store;
  };
  const loader = createLibraryLoader({ matcher: knowledge.libraryMatcher, store: openStore, bundled: packagedJson('library.json', (json) => json), pause });
  // The library read with the reader's names; search once its full-text index is there too.
  const library = readerLibrary(knowledge, () => loader.catalog());
  const searchable = async () => {
    await library();
    return loader.searchable();
  };
  const lit = createLitPublisher({
    knowledge: async () => {
      await knowledge.ready;
      return { gazetteer: knowledge.gazetteer(), prefs: knowledge.prefs() };
    },
    library,
    settings: getSettings,
  });
  syncNames(knowledge, { library, publish: () => lit.publish(), announce: announceLibraryChange });
  const notify = (tabId: number, notice: PageNoticeMessage) => browser.tabs.sendMessage(tabId, notice, { frameId: 0 });
  // A change to the library may light new names, or unlight some, on every open tab.
  const saved = new SavedLibrary({
    store: openStore,
    library: searchable,
    catalog: library,
    changed: (generation) => loader.changed(generation),
    pause,
    announce: async () => {
      await announceLibraryChange();
      await lit.publish().catch(logError);
    },
  });
  const staging = new ImportStaging(openStore);
  const saveTab = (tabId: number, mode: ExtractMode, frameId?: number) =>
    saveFromTab({ extract: extractFromTab, saved, now: Date.now, suggest: (article) => suggestNames(article, matcher.find) }, tabId, mode, frameId);
  // Saved from the page itself: the outcome is shown there, in its top frame.
  const saveAndTell = async (tabId: number, mode: ExtractMode, frameId?: number) => {
    const outcome = await saveTab(tabId, mode, frameId);
    await notify(tabId, { type: 'notice/page', text: saveOutcomeText(outcome), ok: isSaveSuccess(outcome) }).catch(() => undefined);
  };

  const updateBadge = async (tabId: number, entities: PageEntity[]) => {
    const { badge } = await getSettings();
    await showBadge(tabId, badgeText(entities, badge));
  };
  const bundledNames = packagedJson('entity-names.json', loadEntityNames);
  // The entity page shows the spellings as the reader made them.
  const readerNames = async () => {
    const names = await bundledNames();
    return { of: (id: string) => effectiveNames(knowledge.prefs(), id, names.of(id)) };
  };
  const handlers: Handlers = {
    ...createHandlers({
      matcher,
      library,
      searchable,
      litGazetteer: () => lit.publish(),
      saved,
      staging,
      saveTab,
      getTabState,
      activeTabId: async () => (await browser.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id,
      mergeFrame,
      updateBadge,
      openTab: async (path) => void (await browser.tabs.create({ url: browser.runtime.getURL(path) })),
      isFollowed: (id) => knowledge.prefs().followed.includes(id),
    }),
    ...createEntityHandlers({ matcher, library, entityNames: readerNames }),
    ...createEntitiesHandlers({ knowledge, library, entityNames: bundledNames }),
  };

  let warmTimer: ReturnType<typeof setTimeout> | undefined;
  browser.runtime.onMessage.addListener((raw: unknown, sender: Runtime.MessageSender): Promise<Reply<unknown>> => {
    if (!isOwnSender(sender)) return Promise.resolve({ ok: false, error: 'NewsContext: message from another extension refused' });
    const parsed = parseRequest(raw);
    if (!parsed.ok) return Promise.resolve({ ok: false, error: parsed.error });
    const { type, payload } = parsed.envelope;
    const handler = handlers[type] as (p: unknown, ctx: HandlerContext) => Promise<unknown>;
    // Every answer reads the reader's names: none before they are read.
    const reply = knowledge.ready.then(() => handler(payload, { tabId: sender.tab?.id, frameId: sender.frameId ?? 0 })).then(
      (value): Reply<unknown> => ({ ok: true, value }),
      (error: unknown): Reply<unknown> => ({ ok: false, error: error instanceof Error ? error.message : String(error) }),
    );
    // Once the messages stop for a moment, the full-text index loads (in steps) if the catalog has:
    // the first search then rarely waits for it, and no card or related list waits behind its reading.
    void reply.then(() => {
      clearTimeout(warmTimer);
      warmTimer = setTimeout(() => loader.warm(), WARM_AFTER_MS);
    });
    return reply;
  });

  browser.tabs.onRemoved.addListener((tabId) => void clearTabState(tabId));

  // What is lit is written before any page asks: at install and update (the
  // knowledge base may have changed), and at each browser start.
  browser.runtime.onInstalled.addListener(() => void lit.publish(true).catch(logError));
  browser.runtime.onStartup.addListener(() => void lit.publish().catch(logError));

  initSidePanelMenu();

  browser.commands.onCommand.addListener(
    (command, tab) =>
      void handleCommand(
        command,
        tab?.id,
        (tabId, message) => browser.tabs.sendMessage(tabId, message),
        (tabId) => saveAndTell(tabId, 'article'),
      ),
  );

  browser.runtime.onInstalled.addListener(() => void createMenus().catch(logError));
  browser.runtime.onStartup.addListener(() => void createMenus().catch(logError));
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === FOLLOW_SELECTION_MENU) return void followSelection({ edit: knowledge.edit, notify }, info.selectionText, tab?.id);
    const mode = menuMode(info.menuItemId);
    if (mode && tab?.id !== undefined) void saveAndTell(tab.id, mode, info.frameId);
  });

  // Turning the badge setting off (or on) applies to the open tabs at once;
  // lighting every known name (or not) reaches them through the lit gazetteer.
  onSettingsChanged(async (settings) => {
    void lit.publish().catch(logError);
    const tabs = await browser.tabs.query({});
    for (const tab of tabs) {
      if (tab.id === undefined) continue;
      const state = await getTabState(tab.id);
      if (state) await showBadge(tab.id, badgeText(state.entities, settings.badge)).catch(() => undefined);
    }
  });
}

if (!('__vitest_worker__' in globalThis)) init();
