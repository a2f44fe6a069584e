// The side panel (Chrome) or sidebar (Firefox): the popup's own view, kept
// beside the page, describing whichever tab is active in its window. It is
// the Popup component itself, so every section the popup has (the names on
// the page, related articles, search, and the save button of issue 23, which
// acts on the described tab) is here too, with nothing to keep in step.
import { useMemo } from 'preact/hooks';
import { t } from '../../shared/i18n';
import { Popup } from '../../popup/Popup';
import { panelParams } from './follow';
import { useFollowedTab } from './use-followed-tab';

export function SidePanel() {
  const followed = useFollowedTab();
  // A new object per tab and per page load: the view asks the background afresh.
  const params = useMemo(() => panelParams(followed), [followed]);
  if (followed.status === 'resolving') {
    return (
      <p class="note muted" data-side-panel="resolving">
        {t('loading')}
      </p>
    );
  }
  return (
    <div data-side-panel={followed.status === 'tab' ? followed.tabId : 'none'}>
      <Popup params={params} />
    </div>
  );
}
