// Tells the background what the page names, a little after the page settles,
// and only when something changed. The page's title and first heading make an
// entity prominent.
import type { Matcher } from '../core/matcher';
import type { PageEntity } from '../shared/messages';
import type { PageIndex } from './page-index';

const REPORT_DELAY_MS = 400;

export function pageEntities(index: PageIndex, matcher: Matcher, doc: Document): PageEntity[] {
  const headline = `${doc.title}\n${doc.querySelector('h1')?.textContent ?? ''}`;
  const prominent = new Set(matcher.find(headline).map((m) => m.entityId));
  const entities: PageEntity[] = [];
  for (const [id, c] of index.entityCounts()) {
    entities.push({ id, count: c.count, weakCount: c.weakCount, prominent: prominent.has(id) });
  }
  return entities.sort((a, b) => b.count - a.count || b.weakCount - a.weakCount || (a.id < b.id ? -1 : 1));
}

export class Reporter {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private reported = -1;

  constructor(
    private readonly index: PageIndex,
    private readonly send: (entities: PageEntity[]) => Promise<void>,
    private readonly collect: () => PageEntity[],
  ) {}

  schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), REPORT_DELAY_MS);
  }

  async flush(): Promise<void> {
    clearTimeout(this.timer);
    if (this.index.version === this.reported) return;
    this.reported = this.index.version;
    await this.send(this.collect());
  }

  destroy(): void {
    clearTimeout(this.timer);
  }
}
