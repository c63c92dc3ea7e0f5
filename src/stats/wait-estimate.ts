/**
 * The estimated wait of a queued conversation (surge-desk.md). Pure: every figure comes in.
 */

/** The window over which a language's assignment rate is measured. */
export const ASSIGNMENT_RATE_WINDOW_SECONDS = 15 * 60;

export interface WaitFacts {
  /** 1 = next for its language */
  position: number;
  /** an eligible agent has room now */
  roomNow: boolean;
  /** conversations of the language assigned in the last ASSIGNMENT_RATE_WINDOW_SECONDS */
  assignedRecently: number;
  /**
   * Scheduled capacity not signed in yet, by when it arrives: each a shift start (seconds from now)
   * with the capacity (sum of maxConcurrent) it brings, in any order.
   */
  scheduled: { inSeconds: number; capacity: number }[];
}

/**
 * 0 when an agent can take it now; else the conversations up to and including it divided by the
 * language's recent assignment rate; else the time until enough scheduled capacity has signed in
 * to reach its position; null when nothing is known.
 */
export function estimateWaitSeconds(facts: WaitFacts): number | null {
  if (facts.roomNow) return 0;
  if (facts.assignedRecently > 0) {
    return Math.round((facts.position * ASSIGNMENT_RATE_WINDOW_SECONDS) / facts.assignedRecently);
  }
  let capacity = 0;
  for (const arrival of [...facts.scheduled].sort((a, b) => a.inSeconds - b.inSeconds)) {
    capacity += arrival.capacity;
    if (capacity >= facts.position) return Math.max(0, Math.round(arrival.inSeconds));
  }
  return null;
}
