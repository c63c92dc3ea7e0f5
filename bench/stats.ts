/** Figures the bench reports, computed the same way for every source (driver timings, stored timestamps). */

export interface Distribution {
  count: number;
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

const round = (value: number, digits: number): number => {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
};

/**
 * Nearest-rank percentile of an ascending array: the smallest value with at least p% of the values
 * at or below it. Never interpolates, so a reported p99 is a latency that really happened.
 */
export function percentile(sortedAscending: number[], p: number): number {
  if (sortedAscending.length === 0) throw new Error('percentile of no values');
  if (p <= 0) return sortedAscending[0];
  const rank = Math.ceil((p / 100) * sortedAscending.length);
  return sortedAscending[Math.min(rank, sortedAscending.length) - 1];
}

/** count 0 means nothing was measured; the other fields are then 0 and a report prints them as "-". */
export function summarize(values: number[], digits = 2): Distribution {
  if (values.length === 0) return { count: 0, mean: 0, p50: 0, p95: 0, p99: 0, max: 0 };
  const sorted = [...values].sort((a, b) => a - b);
  const sum = sorted.reduce((total, value) => total + value, 0);
  return {
    count: sorted.length,
    mean: round(sum / sorted.length, digits),
    p50: round(percentile(sorted, 50), digits),
    p95: round(percentile(sorted, 95), digits),
    p99: round(percentile(sorted, 99), digits),
    max: round(sorted[sorted.length - 1], digits),
  };
}

/** Events per second over a window; 0 for an empty window. */
export function perSecond(count: number, seconds: number, digits = 1): number {
  return seconds > 0 ? round(count / seconds, digits) : 0;
}

/** a ÷ b, or null when b is missing or not positive (a ratio against nothing is not 0). */
export function ratio(a: number | null | undefined, b: number | null | undefined, digits = 3): number | null {
  if (a === null || a === undefined || b === null || b === undefined || !(b > 0)) return null;
  return round(a / b, digits);
}

export { round };
