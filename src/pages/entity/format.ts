// How the entity page writes months and languages, in the reader's language.
import { t, uiLanguage } from '../../shared/i18n';

const monthFormat = new Map<string, Intl.DateTimeFormat>();

/** "2024-08" as "August 2024" (or "Agustus 2024"); "2024" stays as it is. */
export function formatPeriod(key: string): string {
  if (!/^\d{4}-\d{2}$/.test(key)) return key;
  const lang = uiLanguage();
  let format = monthFormat.get(lang);
  if (!format) {
    format = new Intl.DateTimeFormat(lang, { year: 'numeric', month: 'long', timeZone: 'UTC' });
    monthFormat.set(lang, format);
  }
  return format.format(new Date(`${key}-01T00:00:00Z`));
}

let languageNames: Intl.DisplayNames | undefined;

/** A BCP-47 code as the reader's language names it ("Russian", "Rusia"); "mul" is the spellings many languages share. */
export function languageName(code: string): string {
  if (code === 'mul') return t('namesManyLanguages');
  try {
    languageNames ??= new Intl.DisplayNames([uiLanguage()], { type: 'language' });
    return languageNames.of(code) ?? code;
  } catch {
    return code;
  }
}
