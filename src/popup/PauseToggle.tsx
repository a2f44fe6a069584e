// Pausing highlighting on the current site: a switch, so that the state reads
// as on/off to screen readers; the content script follows the setting at once.
import { t } from '../shared/i18n';

export interface PauseToggleProps {
  site: string;
  paused: boolean;
  onChange(paused: boolean): void;
}

export function PauseToggle({ site, paused, onChange }: PauseToggleProps) {
  return (
    <label class="toggle">
      <input
        type="checkbox"
        role="switch"
        class="toggle-input"
        data-pause-site={site}
        checked={paused}
        onChange={(e) => onChange((e.currentTarget as HTMLInputElement).checked)}
      />
      <span class="toggle-track" aria-hidden="true" />
      <span class="toggle-label">{t('pauseSite', site)}</span>
    </label>
  );
}
