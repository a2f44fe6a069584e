// The editor of one entity, opened in its row: rename it, set its type,
// describe it (the reader's own), add and take away spellings, mute it on a
// site or unmute it there, delete it (the reader's own). Each change is sent
// as it is made; a refusal is shown here in plain words.
import type { Ref } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { EntityEdit } from '../../core/entity-edits';
import type { EntityType } from '../../core/types';
import { t } from '../../shared/i18n';
import type { EntityListRow } from '../../shared/messages';
import { TypeSelect } from './TypeSelect';
import { removableSpellings } from './view-model';

export interface EditorProps {
  id: string;
  row: EntityListRow;
  onEdit(edit: EntityEdit): Promise<string | null>;
  /** Opened from its button: the focus goes into it. */
  takeFocus: boolean;
}

/** A one-field form sent with Enter; emptied when the change is made. */
function FieldForm(props: { label: string; field: string; initial?: string; placeholder?: string; button: string; inputRef?: Ref<HTMLInputElement>; onSubmit(value: string): Promise<boolean> }) {
  const [value, setValue] = useState(props.initial ?? '');
  return (
    <form
      class="edit-form"
      onSubmit={(e) => {
        e.preventDefault();
        void props.onSubmit(value).then((done) => done && props.initial === undefined && setValue(''));
      }}
    >
      <label class="field grow">
        <span>{props.label}</span>
        <input ref={props.inputRef} type="text" value={value} data-edit={props.field} placeholder={props.placeholder} autocomplete="off" spellcheck={false} onInput={(e) => setValue((e.currentTarget as HTMLInputElement).value)} />
      </label>
      <button type="submit" class="button">
        {props.button}
      </button>
    </form>
  );
}

export function EntityEditor({ id, row, onEdit, takeFocus }: EditorProps) {
  const [error, setError] = useState<string | null>(null);
  const first = useRef<HTMLInputElement>(null);
  // Opened from its button, the editor takes the focus; drawn again in another
  // section after a change (the field that had the focus is gone), it takes it
  // back, so that the keyboard goes on from the same entity.
  useEffect(() => {
    const lost = document.activeElement === null || document.activeElement === document.body;
    if (takeFocus || lost) first.current?.focus();
  }, []);
  const run = async (edit: EntityEdit): Promise<boolean> => {
    const problem = await onEdit(edit);
    setError(problem);
    return problem === null;
  };
  const spellings = removableSpellings(row);
  return (
    <div class="editor" id={id} role="group" aria-label={t('editLabel', row.name)}>
      <div class="editor-row">
        <FieldForm label={t('editName')} field="name" initial={row.name} button={t('editRename')} inputRef={first} onSubmit={(name) => run({ kind: 'rename', id: row.id, name })} />
        <TypeSelect value={row.type} data={{ 'data-edit': 'type' }} onChange={(type) => void run({ kind: 'type', id: row.id, type: type as EntityType })} />
      </div>
      {row.own && <FieldForm label={t('editDescription')} field="description" initial={row.description} button={t('editSave')} onSubmit={(description) => run({ kind: 'describe', id: row.id, description })} />}

      <h3 class="editor-heading">{t('editSpellings')}</h3>
      {spellings.length > 0 ? (
        <ul class="spellings">
          {spellings.map((s) => (
            <li key={s}>
              <span>{s}</span>
              <button type="button" class="link" data-remove-alias={s} aria-label={t('removeAliasLabel', s)} onClick={() => void run({ kind: 'remove-alias', id: row.id, alias: s })}>
                {t('removeAlias')}
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">{t('editNoSpellings')}</p>
      )}
      {row.removed.length > 0 && <p class="muted">{t('editRemoved', row.removed.join(', '))}</p>}
      <FieldForm label={t('editAddAlias')} field="alias" button={t('editAdd')} onSubmit={(alias) => run({ kind: 'add-alias', id: row.id, alias })} />

      <h3 class="editor-heading">{t('editSites')}</h3>
      {row.mutedOn.length > 0 && (
        <ul class="spellings">
          {row.mutedOn.map((site) => (
            <li key={site}>
              <span>{site}</span>
              <button type="button" class="link" data-unmute-site={site} aria-label={t('unmuteSiteLabel', site)} onClick={() => void run({ kind: 'unmute-site', id: row.id, site })}>
                {t('unmuteButton')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <FieldForm label={t('editMuteSite')} field="site" placeholder="example.com" button={t('muteButton')} onSubmit={(site) => run({ kind: 'mute-site', id: row.id, site })} />

      {row.own && (
        <p>
          <button type="button" class="link danger" data-edit="delete" onClick={() => void run({ kind: 'delete', id: row.id })}>
            {t('editDelete')}
          </button>
        </p>
      )}
      {error !== null && (
        <p class="error" role="alert" data-edit-error>
          {error}
        </p>
      )}
    </div>
  );
}
