import type { Schemas } from '../api/client';

/** Pure logic of the roster screen: the service's coverage and the scheduled shifts, per hour and language. */

export type Roster = Schemas['RosterViewDto'];
export type Shift = Schemas['ShiftViewDto'];

/** A shift staffed for no language in particular. */
export const ANY_LANGUAGE = '*';

export interface CoverageRow {
  /** ISO 639-1 code, `und`, or ANY_LANGUAGE. */
  language: string;
  /** Slots of the shifts overlapping the hour that are staffed for this language. */
  slots: number;
  /** Of those, the slots nobody has claimed yet. */
  openSlots: number;
  scheduled: number;
  signedIn: number;
  queued: number;
  /** Work queued in the language now and nobody scheduled who speaks it in this hour (the service's gaps). */
  gap: boolean;
  /** For a gap: how many conversations in the language are queued now. */
  queuedNow: number;
}

export interface CoverageBucket {
  start: string;
  end: string;
  rows: CoverageRow[];
}

const overlaps = (shift: Pick<Shift, 'startsAt' | 'endsAt'>, start: string, end: string) =>
  new Date(shift.startsAt).getTime() < new Date(end).getTime() && new Date(shift.endsAt).getTime() > new Date(start).getTime();

const emptyRow = (language: string): CoverageRow => ({ language, slots: 0, openSlots: 0, scheduled: 0, signedIn: 0, queued: 0, gap: false, queuedNow: 0 });

/** Languages by code, the shifts for any language last. */
function byLanguage(a: CoverageRow, b: CoverageRow): number {
  if (a.language === ANY_LANGUAGE || b.language === ANY_LANGUAGE) return a.language === ANY_LANGUAGE ? (b.language === ANY_LANGUAGE ? 0 : 1) : -1;
  return a.language.localeCompare(b.language);
}

/**
 * Each of the roster's buckets with a row per language that has slots, agents or work in it; a gap
 * of the service marks its row with the work queued now.
 */
export function coverage(roster: Roster, shifts: readonly Pick<Shift, 'startsAt' | 'endsAt' | 'slots' | 'claimed' | 'languages'>[]): CoverageBucket[] {
  return roster.buckets.map((bucket) => {
    const rows = new Map<string, CoverageRow>();
    const row = (language: string) => rows.get(language) ?? rows.set(language, emptyRow(language)).get(language)!;
    for (const counted of bucket.languages) Object.assign(row(counted.language), { scheduled: counted.scheduled, signedIn: counted.signedIn, queued: counted.queued });
    for (const shift of shifts.filter((candidate) => overlaps(candidate, bucket.start, bucket.end))) {
      for (const language of shift.languages.length ? shift.languages : [ANY_LANGUAGE]) {
        row(language).slots += shift.slots;
        row(language).openSlots += Math.max(0, shift.slots - shift.claimed);
      }
    }
    const startsAt = new Date(bucket.start).getTime();
    for (const gap of roster.gaps.filter((candidate) => new Date(candidate.start).getTime() === startsAt)) {
      const gapRow = row(gap.language);
      gapRow.gap = true;
      gapRow.queuedNow = gap.queued;
    }
    return { start: bucket.start, end: bucket.end, rows: [...rows.values()].sort(byLanguage) };
  });
}

/** The start of the hour containing `now`: where the roster's window begins by default. */
export function startOfHour(now: Date): Date {
  const start = new Date(now);
  start.setMinutes(0, 0, 0);
  return start;
}

/** A Date as a `datetime-local` value in the browser's own time zone: "2026-12-02T10:00". */
export function toLocalInput(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
