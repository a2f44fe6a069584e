// UI strings through browser.i18n (src/_locales), in the browser's language.
import browser from './browser';

export function t(key: string, ...substitutions: string[]): string {
  const message = browser.i18n.getMessage(key, substitutions);
  // An empty answer means a missing key: show the key rather than nothing.
  return message || key;
}

export function uiLanguage(): string {
  try {
    return browser.i18n.getUILanguage();
  } catch {
    return 'en';
  }
}

/** "2024-08-19" as the reader's locale writes dates; invalid input is shown as it is. */
export function formatDate(iso: string): string {
  const d = new Date(iso + 'T00:00:00Z');
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(uiLanguage(), { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(d);
}
