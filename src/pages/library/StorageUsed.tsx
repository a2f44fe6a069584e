// How much room the extension's data takes, as the browser estimates it
// (navigator.storage.estimate: IndexedDB and the rest of the origin).
import { useEffect, useState } from 'preact/hooks';
import { formatBytes } from '../../core/saved-article';
import { t } from '../../shared/i18n';

/** `revision`: read again when it changes (after a save, a delete, an import). */
export function StorageUsed({ revision }: { revision: number }) {
  const [estimate, setEstimate] = useState<StorageEstimate | undefined>(undefined);
  useEffect(() => {
    let live = true;
    navigator.storage?.estimate().then((e) => live && setEstimate(e), () => undefined);
    return () => {
      live = false;
    };
  }, [revision]);
  if (!estimate || estimate.usage === undefined || estimate.quota === undefined) return null;
  return (
    <p class="muted storage" data-storage-used>
      {t('storageUsed', formatBytes(estimate.usage), formatBytes(estimate.quota))}
    </p>
  );
}
