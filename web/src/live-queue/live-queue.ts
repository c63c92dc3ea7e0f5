/** Pure logic of the live queue: figures aged to `now`, rows in the order a manager reads them, chart series. */

export interface LanguageRow {
  language: string;
  queued: number;
  agentsAvailable: number;
  longestWaitSeconds: number;
  unroutable: number;
}

/**
 * The figures are as of `updatedAt` (cached up to 5 s on the service): a queue that is not empty has
 * aged since, so its longest wait counts on with the clock between two readings.
 */
export function longestWaitNow(row: { queued: number; longestWaitSeconds: number }, updatedAt: string, now: Date): number {
  if (row.queued === 0) return 0;
  return row.longestWaitSeconds + Math.max(0, Math.floor((now.getTime() - new Date(updatedAt).getTime()) / 1000));
}

/** Most waiting first, then longest wait, then by code: the worst language on top. */
export function sortLanguages<T extends LanguageRow>(rows: readonly T[]): T[] {
  return [...rows].sort((a, b) => b.queued - a.queued || b.longestWaitSeconds - a.longestWaitSeconds || a.language.localeCompare(b.language));
}

export interface HistoryPoint {
  at: string;
  waiting: number;
  firstResponseP50Seconds: number | null;
}

/** uPlot's columns: x in Unix seconds, waiting conversations, median first response in minutes (null: no reply then). */
export function chartSeries(points: readonly HistoryPoint[]): [number[], number[], (number | null)[]] {
  return [
    points.map((point) => Math.floor(new Date(point.at).getTime() / 1000)),
    points.map((point) => point.waiting),
    points.map((point) => (point.firstResponseP50Seconds === null ? null : Math.round((point.firstResponseP50Seconds / 60) * 10) / 10)),
  ];
}

/**
 * When to read the figures again after events: at once (at most every `minGapMs`), and once more after
 * the service's cache lifetime, so a change made just after a cached reading is seen too.
 */
export class RefreshScheduler {
  private soon: ReturnType<typeof setTimeout> | undefined;
  private trailing: ReturnType<typeof setTimeout> | undefined;
  private last = -Infinity;

  constructor(
    private readonly refresh: () => void,
    private readonly minGapMs: number,
    private readonly cacheMs: number,
    private readonly clock: () => number = Date.now,
  ) {}

  eventArrived(): void {
    if (this.soon === undefined) {
      const wait = Math.max(0, this.last + this.minGapMs - this.clock());
      this.soon = setTimeout(() => {
        this.soon = undefined;
        this.last = this.clock();
        this.refresh();
      }, wait);
    }
    clearTimeout(this.trailing);
    this.trailing = setTimeout(() => {
      this.trailing = undefined;
      this.refresh();
    }, this.cacheMs);
  }

  stop(): void {
    clearTimeout(this.soon);
    clearTimeout(this.trailing);
  }
}
