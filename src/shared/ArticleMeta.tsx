// The small parts of an article's line that every list shares: the "Saved"
// marker on the reader's own articles, and a date that says "saved on" when
// the page gave no publication date.
import { formatDate, t } from './i18n';
import './article-meta.css';

export function SavedMarker() {
  return (
    <span class="saved-marker" data-saved-marker>
      {t('savedMarker')}
    </span>
  );
}

export function ArticleDate({ date, known }: { date: string; known: boolean }) {
  return <time dateTime={date}>{known ? formatDate(date) : t('savedOn', formatDate(date))}</time>;
}
