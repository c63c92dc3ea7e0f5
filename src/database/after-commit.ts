import { Injectable, Logger } from '@nestjs/common';
import { AfterCommitMetrics } from '../metrics/after-commit-metrics';
import { CommitEffect } from './commit-effects';

/**
 * How long a request waits for the work following its commit. Redis may be down: a Bull add then
 * waits in ioredis's offline queue for a reconnection. The request answers once this has passed
 * and the work carries on (it is done when Redis comes back, or fails and is counted).
 */
export const AFTER_COMMIT_WAIT_MS = 500;

/**
 * The one failure policy for what follows a committed change (enqueue routing or delivery jobs,
 * publish events): Postgres already holds the change and the reconciler rebuilds every job from it,
 * so a failure is logged and counted (`surgeline_after_commit_failures_total`) and never fails the
 * request that made the change.
 */
@Injectable()
export class AfterCommit {
  private readonly logger = new Logger(AfterCommit.name);

  constructor(private readonly metrics: AfterCommitMetrics) {}

  /** Never rejects; resolves when `work` is done or after AFTER_COMMIT_WAIT_MS, whichever comes first. */
  async run(effect: string, work: () => Promise<unknown>): Promise<void> {
    await this.runAll([{ effect, work }]);
  }

  /**
   * Runs the effects one after the other, in the order they were collected (serving an agent may
   * depend on work unflagged before it); one that fails is counted and the next still runs.
   * Resolves like `run`, after AFTER_COMMIT_WAIT_MS at the latest.
   */
  async runAll(effects: readonly CommitEffect[]): Promise<void> {
    if (effects.length === 0) return;
    let done = Promise.resolve();
    for (const { effect, work } of effects) done = done.then(() => this.attempt(effect, work));
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([done, new Promise<void>((resolve) => (timer = setTimeout(resolve, AFTER_COMMIT_WAIT_MS)))]);
    clearTimeout(timer);
  }

  /** Counts and logs a failure of committed work that Postgres already holds. */
  countFailure(effect: string, error: unknown): void {
    this.metrics.countFailure(effect);
    this.logger.warn(`${effect} failed after commit; Postgres holds the change and it is repaired from there: ${(error as Error).message}`);
  }

  private async attempt(effect: string, work: () => Promise<unknown>): Promise<void> {
    try {
      await work();
    } catch (error) {
      this.countFailure(effect, error);
    }
  }
}
