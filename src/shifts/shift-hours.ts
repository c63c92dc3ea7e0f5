import { TimeWindow } from './shift-window';

export const DAY_MS = 24 * 60 * 60_000;
const HOUR_MS = 60 * 60_000;

/** How much of `window` lies inside [from, from + DAY_MS), in milliseconds. */
function overlapMs(window: TimeWindow, from: number): number {
  const start = Math.max(window.startsAt.getTime(), from);
  const end = Math.min(window.endsAt.getTime(), from + DAY_MS);
  return Math.max(0, end - start);
}

/**
 * The most claimed time, in milliseconds, in any 24-hour window that overlaps `candidate`, with
 * `candidate` counted among `claims`. The total over a sliding window is piecewise linear in its
 * start and only stops rising where a window starts at a claim's start or ends at a claim's end, so
 * those starts are the only ones to try.
 */
export function busiestDayMs(claims: TimeWindow[], candidate: TimeWindow): number {
  const all = [...claims, candidate];
  const anchors = all.flatMap((claim) => [claim.startsAt.getTime(), claim.endsAt.getTime() - DAY_MS]);
  let busiest = 0;
  for (const from of anchors) {
    // Only windows touching the candidate: limits lowered later do not hold up unrelated claims.
    if (from >= candidate.endsAt.getTime() || from + DAY_MS <= candidate.startsAt.getTime()) continue;
    busiest = Math.max(busiest, all.reduce((total, claim) => total + overlapMs(claim, from), 0));
  }
  return busiest;
}

/** Whether claiming `candidate` keeps every 24-hour window that holds it within `maxHours`. */
export function staysWithinDailyHours(claims: TimeWindow[], candidate: TimeWindow, maxHours: number): boolean {
  return busiestDayMs(claims, candidate) <= maxHours * HOUR_MS;
}
