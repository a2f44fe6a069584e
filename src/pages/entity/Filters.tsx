// The filters: language, source, saved or bundled. Native selects, so the
// keyboard and screen readers get what they expect; each choice says how many
// of the entity's articles it holds.
import { t } from '../../shared/i18n';
import { languageName } from './format';
import { hasFilters, type EntityFilters, type EntityPageView, type FilterKey, type FilterOption } from './view-model';

const LABELS: Record<FilterKey, () => string> = {
  lang: () => t('filterLanguage'),
  source: () => t('filterSource'),
  origin: () => t('filterOrigin'),
};

function optionLabel(key: FilterKey, value: string): string {
  if (key === 'lang') return languageName(value);
  if (key === 'origin') return value === 'saved' ? t('originSaved') : t('originBundled');
  return value;
}

export function Filters({ view, onChange }: { view: EntityPageView; onChange(filters: EntityFilters): void }) {
  const set = (key: FilterKey, value: string) => {
    const next: EntityFilters = { ...view.filters };
    if (value === '') delete next[key];
    else (next as Record<FilterKey, string>)[key] = value;
    onChange(next);
  };
  const keys: FilterKey[] = ['lang', 'source', 'origin'];
  return (
    <form class="filters" aria-label={t('filtersLabel')} onSubmit={(e) => e.preventDefault()}>
      {keys.map((key) => (
        <Select key={key} name={key} label={LABELS[key]()} value={view.filters[key] ?? ''} options={view.options[key]} onChange={(v) => set(key, v)} />
      ))}
      {hasFilters(view.filters) && (
        <button type="button" class="link" data-clear-filters onClick={() => onChange({})}>
          {t('clearFilters')}
        </button>
      )}
      <p class="shown" aria-live="polite" data-shown={view.articles.length}>
        {t('shownOf', String(view.articles.length), String(view.total))}
      </p>
    </form>
  );
}

interface SelectProps {
  name: FilterKey;
  label: string;
  value: string;
  options: FilterOption[];
  onChange(value: string): void;
}

function Select({ name, label, value, options, onChange }: SelectProps) {
  const id = `filter-${name}`;
  return (
    <div class="filter">
      <label for={id}>{label}</label>
      <select id={id} data-filter={name} value={value} onChange={(e) => onChange((e.currentTarget as HTMLSelectElement).value)}>
        <option value="">{t('filterAll')}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {`${optionLabel(name, o.value)} (${o.count})`}
          </option>
        ))}
      </select>
    </div>
  );
}
