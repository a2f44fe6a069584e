// The entities page's follow form ([data-action="follow"]): a name, other
// names (comma-separated) and a type, submitted with Enter. It is checked
// here as the background checks it, so a refusal says why at once; the
// background's answer (a known entity linked, or a new one made) is shown
// below it.
import { useRef, useState } from 'preact/hooks';
import type { EntityEdit } from '../../core/entity-edits';
import { problemText } from '../../shared/entity-texts';
import { t } from '../../shared/i18n';
import type { EditReply } from '../../shared/messages';
import { TypeSelect } from './TypeSelect';
import { followEdit } from './view-model';

export function FollowForm({ onFollow }: { onFollow(edit: EntityEdit): Promise<EditReply> }) {
  const [name, setName] = useState('');
  const [aliases, setAliases] = useState('');
  const [type, setType] = useState('');
  const [message, setMessage] = useState<{ text: string; ok: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const nameRef = useRef<HTMLInputElement>(null);

  const submit = async (e: Event) => {
    e.preventDefault();
    const request = followEdit(name, aliases, type);
    if (!request.ok) {
      setMessage({ text: problemText(request.problem), ok: false });
      nameRef.current?.focus();
      return;
    }
    setBusy(true);
    try {
      const reply = await onFollow(request.edit);
      if (!reply.ok) return setMessage({ text: problemText(reply.problem), ok: false });
      const { outcome } = reply;
      const text =
        outcome.status === 'created'
          ? t('followCreatedHere', outcome.name, t(`type_${outcome.type}`))
          : outcome.status === 'unchanged'
            ? t('followUnchanged', outcome.name)
            : t('followFollowed', outcome.name);
      setMessage({ text, ok: true });
      setName('');
      setAliases('');
      setType('');
      nameRef.current?.focus();
    } catch (error) {
      setMessage({ text: t('errorGeneric', error instanceof Error ? error.message : String(error)), ok: false });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="follow-form" data-action="follow" onSubmit={(e) => void submit(e)} aria-labelledby="follow-heading">
      <h2 id="follow-heading" class="section-heading">
        {t('followFormHeading')}
      </h2>
      <div class="follow-fields">
        <label class="field grow">
          <span>{t('followName')}</span>
          <input ref={nameRef} type="text" value={name} data-follow="name" autocomplete="off" spellcheck={false} onInput={(e) => setName((e.currentTarget as HTMLInputElement).value)} />
        </label>
        <label class="field grow">
          <span>{t('followAliases')}</span>
          <input type="text" value={aliases} data-follow="aliases" autocomplete="off" spellcheck={false} placeholder={t('followAliasesPlaceholder')} onInput={(e) => setAliases((e.currentTarget as HTMLInputElement).value)} />
        </label>
        <TypeSelect value={type} data={{ 'data-follow': 'type' }} auto onChange={setType} />
        <button type="submit" class="button primary" disabled={busy}>
          {t('followButton')}
        </button>
      </div>
      <p class={`form-status${message ? (message.ok ? ' ok' : ' error') : ''}`} role="status" aria-live="polite" data-follow-status={message ? (message.ok ? 'ok' : 'error') : undefined}>
        {message?.text ?? ''}
      </p>
    </form>
  );
}
