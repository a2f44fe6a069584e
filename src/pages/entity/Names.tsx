// How the entity is written, by language: the reader's first, languages that
// write it alike on one line; demonyms ("Russian") marked as such.
import { t } from '../../shared/i18n';
import { languageName } from './format';
import type { NameGroup } from './view-model';

export function Names({ groups }: { groups: readonly NameGroup[] }) {
  if (groups.length === 0) return null;
  return (
    <section class="names" aria-labelledby="names-heading">
      <h2 id="names-heading">{t('namesHeading')}</h2>
      <dl>
        {groups.map((g) => (
          <div key={g.langs.join()} class="names-row" data-names-lang={g.langs.join(' ')}>
            <dt>{g.langs.map(languageName).join(', ')}</dt>
            <dd>
              {g.names.map((n, i) => (
                <span key={n.text}>
                  {i > 0 && ', '}
                  {/* The first language of the row says how a screen reader voices the spelling. */}
                  <span lang={g.langs[0] === 'mul' ? undefined : g.langs[0]}>{n.text}</span>
                  {n.weak && <span class="weak-mark"> ({t('demonymMark')})</span>}
                </span>
              ))}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
