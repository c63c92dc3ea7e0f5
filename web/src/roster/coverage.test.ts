import { describe, expect, it } from 'vitest';
import { ANY_LANGUAGE, coverage, type Roster, startOfHour } from './coverage';

const H10 = '2026-12-02T10:00:00.000Z';
const H11 = '2026-12-02T11:00:00.000Z';
const H12 = '2026-12-02T12:00:00.000Z';

const roster = (overrides: Partial<Roster> = {}): Roster => ({
  buckets: [
    { start: H10, end: H11, languages: [{ language: 'nl', scheduled: 2, signedIn: 1, queued: 0 }, { language: 'fi', scheduled: 0, signedIn: 0, queued: 4 }] },
    { start: H11, end: H12, languages: [] },
  ],
  gaps: [{ start: H10, end: H11, language: 'fi', queued: 4 }],
  ...overrides,
});

const shift = (startsAt: string, endsAt: string, slots: number, claimed: number, languages: string[]) => ({ startsAt, endsAt, slots, claimed, languages });

describe('coverage', () => {
  it('keeps the service counts per hour and language and marks its gaps', () => {
    const [ten, eleven] = coverage(roster(), []);
    expect(ten.rows).toEqual([
      { language: 'fi', slots: 0, openSlots: 0, scheduled: 0, signedIn: 0, queued: 4, gap: true, queuedNow: 4 },
      { language: 'nl', slots: 0, openSlots: 0, scheduled: 2, signedIn: 1, queued: 0, gap: false, queuedNow: 0 },
    ]);
    expect(eleven).toEqual({ start: H11, end: H12, rows: [] });
  });

  it('adds the slots of each shift to every hour it overlaps, per language it is staffed for', () => {
    const buckets = coverage(roster(), [shift('2026-12-02T10:30:00Z', '2026-12-02T12:00:00Z', 3, 1, ['nl', 'de']), shift(H11, H12, 2, 0, [])]);
    expect(buckets[0].rows.map((row) => [row.language, row.slots, row.openSlots])).toEqual([['de', 3, 2], ['fi', 0, 0], ['nl', 3, 2]]);
    expect(buckets[1].rows.map((row) => [row.language, row.slots, row.openSlots])).toEqual([['de', 3, 2], ['nl', 3, 2], [ANY_LANGUAGE, 2, 2]]);
  });

  it('does not count a shift ending when the hour starts', () => {
    expect(coverage(roster(), [shift('2026-12-02T09:00:00Z', H10, 5, 0, ['sv'])])[0].rows.map((row) => row.language)).toEqual(['fi', 'nl']);
  });

  it('shows a gap, with the work queued now, in an hour the buckets carry no row for', () => {
    const [, eleven] = coverage(roster({ gaps: [{ start: H11, end: H12, language: 'pl', queued: 2 }] }), []);
    expect(eleven.rows).toEqual([{ language: 'pl', slots: 0, openSlots: 0, scheduled: 0, signedIn: 0, queued: 0, gap: true, queuedNow: 2 }]);
  });

  it('starts the window at the start of the current hour', () => {
    expect(startOfHour(new Date('2026-12-02T10:42:13.500Z')).toISOString()).toBe(H10);
  });
});
