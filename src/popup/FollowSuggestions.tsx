// After a save: the names the new article repeats that no entity has
// (core/name-suggest.ts), each followed with one click. A name followed
// here lights on every open tab, and the article joins its card.
import { useState } from 'preact/hooks';
import type { NameSuggestion } from '../core/name-suggest';
import { followText, problemText } from '../shared/entity-texts';
import { t } from '../shared/i18n';
import { send } from '../shared/send';

type Followed = { state: 'busy' } | { state: 'done'; text: string; ok: boolean };

export function FollowSuggestions({ suggestions }: { suggestions: NameSuggestion[] }) {
  const [followed, setFollowed] = useState<Record<string, Followed>>({});
  const set = (name: string, f: Followed) => setFollowed((all) => ({ ...all, [name]: f }));
  const follow = async (s: NameSuggestion) => {
    set(s.name, { state: 'busy' });
    try {
      const reply = await send('entities/edit', { edit: { kind: 'follow-name', name: s.name, ...(s.aliases.length ? { aliases: s.aliases } : {}) } });
      set(s.name, reply.ok ? { state: 'done', text: followText(reply.outcome), ok: true } : { state: 'done', text: problemText(reply.problem), ok: false });
    } catch (error) {
      set(s.name, { state: 'done', text: t('errorGeneric', error instanceof Error ? error.message : String(error)), ok: false });
    }
  };
  return (
    <section class="follow-suggestions" aria-labelledby="suggest-heading" data-follow-suggestions>
      <h2 id="suggest-heading" class="section-heading">
        {t('suggestHeading')}
      </h2>
      <ul class="suggest-list">
        {suggestions.map((s) => {
          const f = followed[s.name];
          return (
            <li key={s.name}>
              <span class="suggest-name">{s.name}</span>
              {s.aliases.length > 0 && <span class="muted"> ({s.aliases.join(', ')})</span>}{' '}
              {f?.state === 'done' ? (
                <span class={f.ok ? 'suggest-done' : 'error'} role="status" data-suggest-status={f.ok ? 'ok' : 'error'}>
                  {f.text}
                </span>
              ) : (
                <button type="button" class="button" data-suggest-follow={s.name} disabled={f?.state === 'busy'} aria-label={t('followLabel', s.name)} onClick={() => void follow(s)}>
                  {t('followButton')}
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
