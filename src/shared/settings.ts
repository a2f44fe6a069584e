// User settings in storage.local, read by the background, the popup and the
// content script; a change applies at once through storage.onChanged.
import { isObject } from '../core/guards';
import browser from './browser';
import { DEFAULT_SETTINGS, type Settings } from './messages';

const KEY = 'settings';

function normalise(raw: unknown): Settings {
  const r = (isObject(raw) ? raw : {}) as Partial<Record<keyof Settings, unknown>>;
  return {
    badge: typeof r.badge === 'boolean' ? r.badge : DEFAULT_SETTINGS.badge,
    pausedSites: Array.isArray(r.pausedSites) ? r.pausedSites.filter((s): s is string => typeof s === 'string') : [],
  };
}

export async function getSettings(): Promise<Settings> {
  const stored = await browser.storage.local.get(KEY);
  return normalise(stored[KEY]);
}

export async function updateSettings(change: (s: Settings) => Settings): Promise<Settings> {
  const next = normalise(change(await getSettings()));
  await browser.storage.local.set({ [KEY]: next });
  return next;
}

export function onSettingsChanged(listener: (s: Settings) => void): () => void {
  const handler = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && changes[KEY]) listener(normalise(changes[KEY].newValue));
  };
  browser.storage.onChanged.addListener(handler);
  return () => browser.storage.onChanged.removeListener(handler);
}

/** The key a site is paused under: its hostname ("" for pages without one, e.g. file:). */
export function siteOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

export function isPaused(settings: Settings, url: string): boolean {
  const site = siteOf(url);
  return site !== '' && settings.pausedSites.includes(site);
}

export function togglePaused(settings: Settings, site: string, paused: boolean): Settings {
  const others = settings.pausedSites.filter((s) => s !== site);
  return { ...settings, pausedSites: paused ? [...others, site] : others };
}
