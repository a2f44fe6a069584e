// The background: loads the library lazily, answers typed messages from our
// own content scripts and pages, keeps per-tab state and the badge.
import gazetteer from 'virtual:gazetteer';
import { createMatcher } from '../core/matcher';
import browser, { type Runtime } from '../shared/browser';
import { parseRequest, type PageEntity, type Reply } from '../shared/messages';
import { getSettings, onSettingsChanged } from '../shared/settings';
import { badgeText, showBadge } from './badge';
import { handleCommand } from './commands';
import { loadEntityNames } from '../core/entity-names';
import { createEntityHandlers } from './entity-handlers';
import { createHandlers, type HandlerContext, type Handlers } from './handlers';
import { packagedJson } from './packaged-json';
import { initSidePanelMenu } from './side-panel-menu';
import { getLibrary } from './library-store';
import { clearTabState, getTabState, mergeFrame } from './tab-state';

/** Messages are accepted only from this extension's own scripts and pages. */
export function isOwnSender(sender: Runtime.MessageSender): boolean {
  return sender.id === browser.runtime.id;
}

export function init(): void {
  const matcher = createMatcher(gazetteer);
  const updateBadge = async (tabId: number, entities: PageEntity[]) => {
    const { badge } = await getSettings();
    await showBadge(tabId, badgeText(entities, badge));
  };
  const library = () => getLibrary(matcher);
  const handlers: Handlers = {
    ...createHandlers({
      matcher,
      library,
      getTabState,
      mergeFrame,
      updateBadge,
      openTab: async (path) => void (await browser.tabs.create({ url: browser.runtime.getURL(path) })),
    }),
    ...createEntityHandlers({ matcher, library, entityNames: packagedJson('entity-names.json', loadEntityNames) }),
  };

  browser.runtime.onMessage.addListener((raw: unknown, sender: Runtime.MessageSender): Promise<Reply<unknown>> => {
    if (!isOwnSender(sender)) return Promise.resolve({ ok: false, error: 'NewsContext: message from another extension refused' });
    const parsed = parseRequest(raw);
    if (!parsed.ok) return Promise.resolve({ ok: false, error: parsed.error });
    const { type, payload } = parsed.envelope;
    const handler = handlers[type] as (p: unknown, ctx: HandlerContext) => Promise<unknown>;
    return handler(payload, { tabId: sender.tab?.id, frameId: sender.frameId ?? 0 }).then(
      (value) => ({ ok: true, value }),
      (error: unknown) => ({ ok: false, error: error instanceof Error ? error.message : String(error) }),
    );
  });

  browser.tabs.onRemoved.addListener((tabId) => void clearTabState(tabId));

  initSidePanelMenu();

  browser.commands.onCommand.addListener(
    (command, tab) => void handleCommand(command, tab?.id, (tabId, message) => browser.tabs.sendMessage(tabId, message)),
  );

  // Turning the badge setting off (or on) applies to the open tabs at once.
  onSettingsChanged(async (settings) => {
    const tabs = await browser.tabs.query({});
    for (const tab of tabs) {
      if (tab.id === undefined) continue;
      const state = await getTabState(tab.id);
      if (state) await showBadge(tab.id, badgeText(state.entities, settings.badge)).catch(() => undefined);
    }
  });
}

if (!('__vitest_worker__' in globalThis)) init();
