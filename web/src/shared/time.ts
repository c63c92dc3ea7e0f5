/** Pure time arithmetic and formatting for the desk's timers; `now` is always passed in. */

const MINUTE = 60;
const HOUR = 3600;

/** 45 → "45 s", 125 → "2 min 5 s", 3720 → "1 h 2 min" (negative values are formatted as their size). */
export function formatDuration(totalSeconds: number): string {
  const seconds = Math.floor(Math.abs(totalSeconds));
  if (seconds < MINUTE) return `${seconds} s`;
  if (seconds < HOUR) return `${Math.floor(seconds / MINUTE)} min ${seconds % MINUTE} s`;
  return `${Math.floor(seconds / HOUR)} h ${Math.floor((seconds % HOUR) / MINUTE)} min`;
}

export function secondsBetween(from: string | Date, to: Date): number {
  return Math.floor((to.getTime() - new Date(from).getTime()) / 1000);
}

export type SlaState =
  | { kind: 'answered' }
  | { kind: 'remaining'; seconds: number }
  | { kind: 'overdue'; seconds: number };

/** The first-response promise: `slaMinutes` from the first message until the first reply. */
export function slaState(receivedAt: string, answered: boolean, slaMinutes: number, now: Date): SlaState {
  if (answered) return { kind: 'answered' };
  const left = slaMinutes * MINUTE - secondsBetween(receivedAt, now);
  return left >= 0 ? { kind: 'remaining', seconds: left } : { kind: 'overdue', seconds: -left };
}

export interface Window {
  startsAt: string;
  endsAt: string;
}

/** Volunteers may sign in from this long before a claimed shift (api.md). */
export const SIGN_IN_EARLY_SECONDS = 15 * MINUTE;

export type ShiftTimer =
  | { kind: 'none' }
  | { kind: 'upcoming'; secondsToStart: number }
  | { kind: 'running'; secondsLeft: number };

/** The claimed shift that matters now: one under way (time left), else the next one (time to its start). */
export function shiftTimer(shifts: readonly Window[], now: Date): ShiftTimer {
  const time = now.getTime();
  const current = shifts.find((shift) => new Date(shift.startsAt).getTime() <= time && time < new Date(shift.endsAt).getTime());
  if (current) return { kind: 'running', secondsLeft: Math.floor((new Date(current.endsAt).getTime() - time) / 1000) };
  const next = shifts
    .filter((shift) => new Date(shift.startsAt).getTime() > time)
    .sort((a, b) => new Date(a.startsAt).getTime() - new Date(b.startsAt).getTime())[0];
  return next ? { kind: 'upcoming', secondsToStart: Math.floor((new Date(next.startsAt).getTime() - time) / 1000) } : { kind: 'none' };
}

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** An instant in the reader's own time zone: "2 Dec 2026, 10:00". */
export function formatDateTime(at: string | Date): string {
  return dateTime.format(new Date(at));
}
