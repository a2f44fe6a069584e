// An import, staged: the library page sends the checked articles in parts,
// and each part is written to the store's staging area as it arrives (under
// the ids its URLs give), so that the background holds only a list of what
// came (URL, when saved) however large the file. The commit writes what the
// plan chose into the articles in one transaction, and empties the staging
// area in the same one: the import is applied whole, or not at all. An import
// abandoned (the page closed, the extension restarted) leaves its parts
// behind; they are cleared at the next import.
import { articleIdFor } from '../core/canonical-url';
import { planImport, type ImportPlan } from '../core/import-plan';
import { pickSavedArticle, type SavedArticle } from '../core/saved-article';
import { IMPORT_MAX_ARTICLES, type ImportProgress } from '../shared/messages';
import { allOrNothing, nextGeneration, storeError, type SavedStore } from './saved-store';

/** An import not committed within this long is dropped (the page was closed half-way). */
const IMPORT_TTL_MS = 10 * 60 * 1000;

/** What the background remembers of a staged article: enough to plan, not its text. */
interface StagedRecord {
  id: string;
  url: string;
  savedAt: number;
  /** Where it is staged: "part:index". */
  at: string;
}

interface Session {
  total: number;
  parts: number;
  records: StagedRecord[];
  expires: number;
  progress: ImportProgress;
}

export interface CommitResult {
  plan: ImportPlan<StagedRecord>;
  /** The ids written, in the order they were staged. */
  ids: string[];
  generation: number;
}

export class ImportStaging {
  private readonly sessions = new Map<string, Session>();
  private cleared = false;

  constructor(private readonly store: () => Promise<SavedStore>) {}

  /** The session, or an error that says the import was lost. */
  private session(importId: string): Session {
    const session = this.sessions.get(importId);
    if (!session || session.expires < Date.now()) {
      this.sessions.delete(importId);
      throw new Error('NewsContext: the import was interrupted (the extension restarted, or it took too long); nothing was written. Try again.');
    }
    return session;
  }

  async begin(total: number): Promise<string> {
    if (!this.cleared) {
      // Parts of imports that a stopped background never committed: nobody will.
      const db = await (await this.store()).database();
      await db.clear('staging');
      this.cleared = true;
    }
    const importId = crypto.randomUUID();
    this.sessions.set(importId, { total, parts: 0, records: [], expires: Date.now() + IMPORT_TTL_MS, progress: { phase: 'staging', done: 0, total } });
    return importId;
  }

  /** Stages a part; resolves to how many articles have arrived. */
  async part(importId: string, articles: readonly SavedArticle[]): Promise<number> {
    const session = this.session(importId);
    if (session.records.length + articles.length > Math.min(session.total, IMPORT_MAX_ARTICLES)) {
      await this.abort(importId);
      throw new Error('NewsContext: the import sent more articles than it announced; nothing was written.');
    }
    const part = session.parts++;
    const records = await Promise.all(articles.map(async (a) => pickSavedArticle({ ...a, id: await articleIdFor(a.url) })));
    try {
      await (await (await this.store()).database()).put('staging', records, [importId, part]);
    } catch (error) {
      await this.abort(importId);
      throw storeError(error);
    }
    records.forEach((a, i) => session.records.push({ id: a.id, url: a.url, savedAt: a.savedAt, at: `${part}:${i}` }));
    session.progress = { phase: 'staging', done: session.records.length, total: session.total };
    return session.records.length;
  }

  async abort(importId: string): Promise<void> {
    this.sessions.delete(importId);
    const db = await (await this.store()).database();
    await db.delete('staging', IDBKeyRange.bound([importId, 0], [importId, Infinity]));
  }

  progress(importId: string): ImportProgress | null {
    return this.sessions.get(importId)?.progress ?? null;
  }

  /** The import's progress from here on (the library's part of the work). */
  report(importId: string, progress: ImportProgress): void {
    const session = this.sessions.get(importId);
    if (session) session.progress = progress;
  }

  /** Writes what the plan chooses, in one transaction with the staging area's emptying. `existing`: the saved articles' URLs and when each was saved. */
  async commit(importId: string, existing: ReadonlyMap<string, number>): Promise<CommitResult> {
    const session = this.session(importId);
    if (session.records.length !== session.total) {
      await this.abort(importId);
      throw new Error(`NewsContext: the import arrived incomplete (${session.records.length} of ${session.total} articles); nothing was written.`);
    }
    const plan = planImport(existing, session.records);
    const chosen = new Set([...plan.add, ...plan.replace].map((r) => r.at));
    session.progress = { phase: 'writing', done: 0, total: chosen.size };
    const db = await (await this.store()).database();
    let generation: number;
    try {
      const tx = db.transaction(['staging', 'articles', 'meta'], 'readwrite');
      generation = await allOrNothing(tx, async (failed) => {
        for (let p = 0; p < session.parts; p++) {
          const part = await tx.objectStore('staging').get([importId, p]);
          if (!part) {
            tx.abort();
            throw new Error('NewsContext: a part of the import went missing; nothing was written. Try again.');
          }
          part.forEach((a, i) => chosen.has(`${p}:${i}`) && void tx.objectStore('articles').put(a).catch(failed));
        }
        void tx.objectStore('staging').delete(IDBKeyRange.bound([importId, 0], [importId, Infinity])).catch(failed);
        return nextGeneration(tx);
      });
    } catch (error) {
      await this.abort(importId).catch(() => undefined);
      throw storeError(error);
    }
    const ids = session.records.filter((r) => chosen.has(r.at)).map((r) => r.id);
    return { plan, ids, generation };
  }

  /** Forgets a finished import, a while after (its last progress may still be asked for). */
  finish(importId: string): void {
    setTimeout(() => this.sessions.delete(importId), 30_000);
  }
}
