// The type of an entity, chosen in a labelled select: person, place or
// organisation, and, in the follow form, "decide for me" (an empty value).
import { ENTITY_TYPES } from '../../core/types';
import { t } from '../../shared/i18n';

export interface TypeSelectProps {
  value: string;
  /** The attribute that names the select for tests and styles: data-follow="type", data-edit="type". */
  data: Record<string, string>;
  /** Offers "decide for me" as the empty value. */
  auto?: boolean;
  onChange(value: string): void;
}

export function TypeSelect({ value, data, auto = false, onChange }: TypeSelectProps) {
  return (
    <label class="field">
      <span>{t('followType')}</span>
      <select value={value} {...data} onChange={(e) => onChange((e.currentTarget as HTMLSelectElement).value)}>
        {auto && <option value="">{t('followTypeAuto')}</option>}
        {ENTITY_TYPES.map((ty) => (
          <option key={ty} value={ty}>
            {t(`type_${ty}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
