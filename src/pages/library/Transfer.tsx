// Export and import on the library page: one button that writes the export
// file, one file field that reads one, each with a status line; the import
// shows its progress to the end (read, checked, sent, written, indexed), can
// be cancelled until it is applied, and refuses a file whole, saying what is wrong.
import { useRef, useState } from 'preact/hooks';
import { t } from '../../shared/i18n';
import type { ImportOutcome } from '../../shared/messages';
import { send } from '../../shared/send';
import { checkFile, exportSaved, ImportCancelled, sendImport, type ImportProgress } from './transfer';

type ExportState = { kind: 'idle' } | { kind: 'busy' } | { kind: 'done'; count: number; name: string } | { kind: 'error'; message: string };
type ImportState =
  | { kind: 'idle' }
  | { kind: 'busy'; progress: ImportProgress }
  | { kind: 'done'; outcome: ImportOutcome }
  | { kind: 'cancelled' }
  | { kind: 'error'; message: string };

function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  // The download has its own copy once started.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

const PHASE_TEXT = { checking: 'importChecking', sending: 'importSending', writing: 'importWriting', indexing: 'importIndexing' } as const;

function progressText(p: ImportProgress): string {
  if (p.phase === 'reading') return t('importReading');
  return t(PHASE_TEXT[p.phase], String(p.done), String(p.total));
}

function importText(state: ImportState): string {
  if (state.kind === 'busy') return progressText(state.progress);
  if (state.kind === 'done') return t('importDone', String(state.outcome.added), String(state.outcome.replaced), String(state.outcome.unchanged));
  if (state.kind === 'cancelled') return t('importCancelled');
  if (state.kind === 'error') return t('importRefused', state.message);
  return '';
}

export function Transfer() {
  const [exported, setExported] = useState<ExportState>({ kind: 'idle' });
  const [imported, setImported] = useState<ImportState>({ kind: 'idle' });

  const runExport = async () => {
    setExported({ kind: 'busy' });
    try {
      const now = new Date();
      const file = await exportSaved(send, now);
      if (file.count === 0) return setExported({ kind: 'done', count: 0, name: '' });
      download(file.blob, file.name);
      await send('library/exported', { at: now.getTime() });
      setExported({ kind: 'done', count: file.count, name: file.name });
    } catch (e) {
      setExported({ kind: 'error', message: e instanceof Error ? e.message : String(e) });
    }
  };

  // Set while the import may still be cancelled: until the background begins to apply it.
  const cancel = useRef<AbortController | undefined>(undefined);
  const [cancellable, setCancellable] = useState(false);

  const runImport = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    const progress = (p: ImportProgress) => setImported({ kind: 'busy', progress: p });
    const controller = new AbortController();
    cancel.current = controller;
    setCancellable(true);
    const committing = () => {
      cancel.current = undefined;
      setCancellable(false);
    };
    try {
      const articles = await checkFile(file, progress, controller.signal);
      setImported({ kind: 'done', outcome: await sendImport(send, articles, progress, controller.signal, committing) });
    } catch (e) {
      if (e instanceof ImportCancelled) setImported({ kind: 'cancelled' });
      else setImported({ kind: 'error', message: e instanceof Error ? e.message : String(e) });
    } finally {
      committing();
      // The same file can be chosen again.
      input.value = '';
    }
  };

  const busy = imported.kind === 'busy' ? imported.progress : undefined;
  return (
    <section class="transfer" id="export" aria-labelledby="transfer-heading">
      <h2 id="transfer-heading" class="section-heading">
        {t('exportHeading')}
      </h2>
      <p class="muted">{t('exportHint')}</p>
      <div class="transfer-row">
        <button type="button" class="button" data-action="export" disabled={exported.kind === 'busy'} onClick={() => void runExport()}>
          {t('exportButton')}
        </button>
        <p class={exported.kind === 'error' ? 'status error' : 'status'} role="status" data-export-status={exported.kind}>
          {exported.kind === 'done' && (exported.count === 0 ? t('exportNothing') : t('exportDone', String(exported.count), exported.name))}
          {exported.kind === 'error' && t('exportFailed', exported.message)}
        </p>
      </div>
      <div class="transfer-row">
        <label class="field">
          <span>{t('importLabel')}</span>
          <input
            type="file"
            accept="application/json,.json"
            data-action="import"
            disabled={imported.kind === 'busy'}
            onChange={(e) => void runImport(e.currentTarget as HTMLInputElement)}
          />
        </label>
        {busy && busy.phase !== 'reading' && busy.phase !== 'writing' && <progress max={busy.total} value={busy.done} data-import-progress={busy.phase} />}
        {busy && (busy.phase === 'reading' || busy.phase === 'writing') && <progress data-import-progress={busy.phase} />}
        {busy && cancellable && (
          <button type="button" class="button" data-action="import-cancel" onClick={() => cancel.current?.abort()}>
            {t('importCancel')}
          </button>
        )}
        <p class={imported.kind === 'error' ? 'status error' : 'status'} role="status" data-import-status={imported.kind}>
          {importText(imported)}
        </p>
      </div>
    </section>
  );
}
