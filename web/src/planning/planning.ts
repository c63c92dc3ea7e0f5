/** The replay the console offers: a sample surge, sized by the manager. */

export const REPLAY_LIMITS = { total: { min: 50, max: 5000 }, hours: { min: 1, max: 72 } } as const;

export interface ReplayChoice {
  total: number;
  hours: number;
  staffing: 'scenario' | 'plan';
}

/** A scenario in planning.md's shape: a day-one peak in Dutch, English and German, staff around the clock, volunteers enrolling. */
export function sampleScenario({ total, hours }: Pick<ReplayChoice, 'total' | 'hours'>, start: Date): Record<string, unknown> {
  const hourStart = new Date(Math.floor(start.getTime() / 3_600_000) * 3_600_000);
  return {
    name: 'Sample surge',
    seed: 7,
    start: hourStart.toISOString(),
    hours,
    slaMinutes: 60,
    patienceMinutes: 720,
    arrivals: {
      total,
      curve: [0.2, 0.5, 1, 1, 0.8, 0.6],
      languages: { nl: 0.5, en: 0.4, de: 0.1 },
      channels: { twitter: 0.5, facebook: 0.5 },
      flights: { count: 50, share: 0.5 },
      keywords: { wheelchair: 0.05 },
    },
    handleMinutes: { mean: 7, sd: 4 },
    roster: {
      staff: [{ languages: ['nl', 'en'], count: 4, hours: '0-24' }],
      volunteers: { enrollPerHour: [2, 2, 1], languages: { nl: 0.5, en: 0.3, de: 0.2 }, shiftHours: 8, maxConcurrent: 3 },
    },
  };
}

/** A whole number within the limits, or null. */
export function wholeWithin(text: string, limits: { min: number; max: number }): number | null {
  if (!/^\d+$/.test(text.trim())) return null;
  const value = Number(text.trim());
  return value >= limits.min && value <= limits.max ? value : null;
}

export interface ReplayFigures {
  arrivals: number | null;
  answered: number | null;
  abandoned: number | null;
  slaAttainment: number | null;
  p50: number | null;
  p90: number | null;
  maxQueued: number | null;
  utilisation: number | null;
  planAttainment: number | null;
}

const num = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);
const obj = (value: unknown): Record<string, unknown> => (value && typeof value === 'object' ? (value as Record<string, unknown>) : {});

/** The figures of a finished replay (the API describes its result as an open object). */
export function replayFigures(result: Record<string, unknown> | null | undefined): ReplayFigures {
  const r = obj(result);
  const firstResponse = obj(r.firstResponseMinutes);
  return {
    arrivals: num(r.arrivals) ?? (num(r.answered) !== null && num(r.abandoned) !== null ? num(r.answered)! + num(r.abandoned)! : null),
    answered: num(r.answered),
    abandoned: num(r.abandoned),
    slaAttainment: num(r.slaAttainment),
    p50: num(firstResponse.p50),
    p90: num(firstResponse.p90),
    maxQueued: num(r.maxQueued),
    utilisation: num(r.utilisation),
    planAttainment: num(obj(r.plan).predictedAttainment),
  };
}

/** 0.9853 → "98.5%". */
export function percent(share: number | null): string {
  return share === null ? '–' : `${(Math.round(share * 1000) / 10).toFixed(1)}%`;
}
