/**
 * Counting a language's assignments over the rate window reads every one of them, so on the intake
 * path it grows with the traffic (at 100 assignments/s, tens of thousands of rows per intake). A count
 * of REUSED_FROM_COUNT or more is therefore reused for a moment: even in a surge's first minutes a
 * language gains some 15 assignments a second (a 2-core service routes about 200/s over 14 languages),
 * under a tenth of such a count, so the estimate moves by less than that. A smaller count is read
 * every time, since each assignment changes it a lot.
 */
export const REUSED_FROM_COUNT = 200;
export const REUSED_FOR_MS = 1_000;

/** The last assignment count read per language, in this process. */
export class RecentAssignmentCounts {
  private readonly counts = new Map<string, { count: number; readAt: number }>();

  /** The counts that may stand in for a fresh read at `now`, by language. */
  reusable(now: number): Record<string, number> {
    const reusable: Record<string, number> = {};
    for (const [language, { count, readAt }] of this.counts) {
      if (now - readAt < REUSED_FOR_MS) reusable[language] = count;
      else this.counts.delete(language);
    }
    return reusable;
  }

  remember(language: string, count: number, readAt: number): void {
    if (count >= REUSED_FROM_COUNT) this.counts.set(language, { count, readAt });
    else this.counts.delete(language);
  }
}
