// The toolbar badge: how many distinct entities the tab names (by name, not only
// by demonym). A setting turns it off.
import browser from '../shared/browser';
import type { PageEntity } from '../shared/messages';

export function badgeText(entities: readonly PageEntity[], enabled: boolean): string {
  if (!enabled) return '';
  const n = entities.filter((e) => e.count > 0).length;
  return n === 0 ? '' : n > 99 ? '99+' : String(n);
}

export async function showBadge(tabId: number, text: string): Promise<void> {
  await browser.action.setBadgeText({ tabId, text });
  await browser.action.setBadgeBackgroundColor({ tabId, color: '#3451b2' });
}
