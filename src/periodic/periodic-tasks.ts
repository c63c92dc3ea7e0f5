import { EnvironmentVariables } from '../config/env.schema';

/**
 * Every periodic task of the service, in one place: the setting that gives its interval and the
 * Postgres advisory lock that elects the one process running it. Nothing periodic is stored in
 * Redis, so a flush cannot delete the schedule and a changed interval leaves nothing behind.
 * (7_310_042 is the migrations' lock: prepare-database.ts.)
 */
export const PERIODIC_TASKS = {
  /** Rebuilds routing work from Postgres: routing.md's safety net (reconciler.service.ts). */
  reconcileRouting: { lockKey: 7_310_043, interval: 'RECONCILE_INTERVAL_MS' },
  /** Hands replies still pending in Postgres to the outbound queue (outbound.scheduler.ts). */
  redeliverReplies: { lockKey: 7_310_044, interval: 'RECONCILE_INTERVAL_MS' },
  /** Signs out volunteers past their shift (shift-sweep.service.ts). */
  sweepEndedShifts: { lockKey: 7_310_045, interval: 'SHIFT_SWEEP_INTERVAL_MS' },
  /** Flags and unflags work nobody on the roster can take (unroutable-work.service.ts). */
  flagUnroutableWork: { lockKey: 7_310_046, interval: 'UNROUTABLE_CHECK_INTERVAL_MS' },
} as const satisfies Record<string, { lockKey: number; interval: keyof EnvironmentVariables }>;

export type PeriodicTaskName = keyof typeof PERIODIC_TASKS;

export interface PeriodicPass {
  /** This process has just become the task's leader: it does not know what happened before. */
  newlyElected: boolean;
}
