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
import { getLibrary } from './library-store';
import { createLitPublisher } from './lit-publisher';
import { createMenus, FOLLOW_SELECTION_MENU, menuMode } from './menus';
import { readerLibrary, syncNames } from './names-sync';
import { extractFromTab, saveFromTab } from './save';
import { SavedLibrary } from './saved-library';
import { openSavedStore, type SavedStore } from './saved-store';
import { clearTabState, getTabState, mergeFrame } from './tab-state';

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
  const library = readerLibrary(knowledge, () => getLibrary(knowledge.libraryMatcher, async () => (await openStore()).all()));
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
    library,
    announce: async () => {
      await announceLibraryChange();
      await lit.publish().catch(logError);
    },
  });
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
      litGazetteer: () => lit.publish(),
      saved,
      saveTab,
      getTabState,
      mergeFrame,
      updateBadge,
      openTab: async (path) => void (await browser.tabs.create({ url: browser.runtime.getURL(path) })),
      isFollowed: (id) => knowledge.prefs().followed.includes(id),
    }),
    ...createEntityHandlers({ matcher, library, entityNames: readerNames }),
    ...createEntitiesHandlers({ knowledge, library, entityNames: bundledNames }),
  };

  browser.runtime.onMessage.addListener((raw: unknown, sender: Runtime.MessageSender): Promise<Reply<unknown>> => {
    if (!isOwnSender(sender)) return Promise.resolve({ ok: false, error: 'NewsContext: message from another extension refused' });
    const parsed = parseRequest(raw);
    if (!parsed.ok) return Promise.resolve({ ok: false, error: parsed.error });
    const { type, payload } = parsed.envelope;
    const handler = handlers[type] as (p: unknown, ctx: HandlerContext) => Promise<unknown>;
    // Every answer reads the reader's names: none before they are read.
    return knowledge.ready.then(() => handler(payload, { tabId: sender.tab?.id, frameId: sender.frameId ?? 0 })).then(
      (value) => ({ ok: true, value }),
      (error: unknown) => ({ ok: false, error: error instanceof Error ? error.message : String(error) }),
    );
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
