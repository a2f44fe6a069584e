// An answer begun before its question: the popup's related articles, which
// the background starts working out when the popup starts to load (`warm`),
// and hands over when the popup asks for them with the same arguments. One
// answer is kept, for a short while and for one question: after that it is
// worked out anew, so a library changed since is never answered from before.
// A question that came first (the popup was quicker) is not answered twice.
/** How long an answer begun ahead waits for its question, and a question asked keeps it from being begun. */
const KEPT_MS = 3000;

export class AnsweredAhead<T> {
  private ahead: { key: string; answer: Promise<T>; until: number } | null = null;
  private asked: { key: string; until: number } | null = null;

  constructor(private readonly now: () => number = Date.now) {}

  /** Begins the answer to the question `key`, unless that question was just asked. */
  begin(key: string, answer: () => Promise<T>): void {
    if (this.asked && this.asked.key === key && this.now() <= this.asked.until) return;
    const begun = answer();
    // A failure is the question's to see: it is worked out anew then.
    begun.catch(() => undefined);
    this.ahead = { key, answer: begun, until: this.now() + KEPT_MS };
  }

  /** The answer begun for `key`, once, if it was begun in the last few seconds; else notes that `key` was asked. */
  take(key: string): Promise<T> | undefined {
    const ahead = this.ahead;
    if (!ahead || ahead.key !== key || this.now() > ahead.until) {
      this.asked = { key, until: this.now() + KEPT_MS };
      return undefined;
    }
    this.ahead = null;
    return ahead.answer;
  }
}
