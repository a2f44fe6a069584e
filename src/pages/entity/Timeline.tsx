// The library's articles about the entity, oldest first, under their years:
// each with its source, date, language and the sentence that names the entity.
import { Marked } from '../../shared/Marked';
import { formatDate, t } from '../../shared/i18n';
import { pagePath, type EntityArticle } from '../../shared/messages';
import { languageName } from './format';

export function Timeline({ articles, filtered }: { articles: readonly EntityArticle[]; filtered: boolean }) {
  const years: Array<{ year: string; items: EntityArticle[] }> = [];
  for (const a of articles) {
    const year = a.date.slice(0, 4) || t('undated');
    const last = years[years.length - 1];
    if (last && last.year === year) last.items.push(a);
    else years.push({ year, items: [a] });
  }
  return (
    <section class="timeline-section" aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">{filtered ? t('timelineFilteredHeading') : t('timelineHeading')}</h2>
      <ol class="timeline">
        {years.map(({ year, items }) => (
          <li key={year} class="year">
            <h3 class="year-label">{year}</h3>
            <ol class="year-items">
              {items.map((a) => (
                <TimelineItem key={a.id} article={a} />
              ))}
            </ol>
          </li>
        ))}
      </ol>
    </section>
  );
}

function TimelineItem({ article }: { article: EntityArticle }) {
  const { id, title, source, date, lang, saved, snippet } = article;
  return (
    <li class="event" data-timeline-article={id}>
      <span class="dot" aria-hidden="true" />
      <div class="event-meta">
        {date ? <time dateTime={date}>{formatDate(date)}</time> : <span>{t('undated')}</span>}
        <span aria-hidden="true"> · </span>
        <span class="source">{source}</span>
        <span aria-hidden="true"> · </span>
        <span class="lang">{languageName(lang)}</span>
        {saved && <span class="badge">{t('originSaved')}</span>}
      </div>
      <a class="event-title" href={pagePath({ page: 'article', id })}>
        {title}
      </a>
      {snippet.text && (
        <p class="event-snippet" lang={lang}>
          <Marked snippet={snippet} />
        </p>
      )}
    </li>
  );
}
