import { JobOptions } from 'bull';

export const SHIFTS_QUEUE = 'shifts';

export const ShiftsJob = {
  /** Signs out volunteers whose shifts ended more than the grace period ago. */
  sweepEndedShifts: 'sweep-ended-shifts',
} as const;

/** The sweep reads everything it needs from Postgres; `trigger` only says why it ran. */
export interface SweepEndedShiftsPayload {
  trigger: 'repeat' | 'startup';
}

/** Fixed id: every process registers the same repeatable job, so Redis holds it once. */
export const SWEEP_REPEAT_JOB_ID = 'shift-sweep';

export const SWEEP_JOB_OPTIONS: JobOptions = {
  attempts: 3,
  backoff: { type: 'exponential', delay: 500 },
  removeOnComplete: true,
  // A failed sweep changes nothing; the next one finds the same volunteers in Postgres.
  removeOnFail: 100,
};
