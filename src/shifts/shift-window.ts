/** Pure rules about shift windows; time always comes in as an argument. */

export const MAX_SHIFT_HOURS = 12;
/** A volunteer may sign in this long before a claimed shift starts. */
export const SIGN_IN_EARLY_MINUTES = 15;
/** A volunteer is signed out automatically this long after its last covering shift ended. */
export const SIGN_OUT_GRACE_MINUTES = 15;

const MINUTE_MS = 60_000;

export interface TimeWindow {
  startsAt: Date;
  endsAt: Date;
}

/** What is wrong with a new shift's window (naming the field), or null when it is acceptable. */
export function shiftWindowProblem(window: TimeWindow, now: Date): string | null {
  const { startsAt, endsAt } = window;
  if (endsAt.getTime() <= startsAt.getTime()) return 'endsAt must be after startsAt';
  if (endsAt.getTime() - startsAt.getTime() > MAX_SHIFT_HOURS * 60 * MINUTE_MS) {
    return `endsAt must be at most ${MAX_SHIFT_HOURS} hours after startsAt`;
  }
  if (endsAt.getTime() <= now.getTime()) return 'endsAt must be in the future';
  return null;
}

/** Inside the shift, or at most SIGN_IN_EARLY_MINUTES before it starts; the end is exclusive. */
export function isInsideSignInWindow(window: TimeWindow, now: Date): boolean {
  const opens = window.startsAt.getTime() - SIGN_IN_EARLY_MINUTES * MINUTE_MS;
  return opens <= now.getTime() && now.getTime() < window.endsAt.getTime();
}

/** The shift ended at least SIGN_OUT_GRACE_MINUTES ago. */
export function isPastSignOutGrace(window: TimeWindow, now: Date): boolean {
  return now.getTime() >= window.endsAt.getTime() + SIGN_OUT_GRACE_MINUTES * MINUTE_MS;
}

/**
 * Whether this claimed shift still lets a signed-in volunteer stay signed in: from the early
 * sign-in moment until the grace after its end. The shift sweep's SQL applies the same bounds.
 */
export function keepsVolunteerSignedIn(window: TimeWindow, now: Date): boolean {
  const opens = window.startsAt.getTime() - SIGN_IN_EARLY_MINUTES * MINUTE_MS;
  return opens <= now.getTime() && !isPastSignOutGrace(window, now);
}

/** Half-open windows, like Postgres' tstzrange '[)': a shift ending at 10:00 does not overlap one starting at 10:00. */
export function windowsOverlap(a: TimeWindow, b: TimeWindow): boolean {
  return a.startsAt.getTime() < b.endsAt.getTime() && b.startsAt.getTime() < a.endsAt.getTime();
}
