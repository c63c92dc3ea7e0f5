import { Injectable } from '@nestjs/common';
import { Counter } from 'prom-client';
import { MetricsRegistry } from './metrics-registry';

/** Counted by AfterCommit (database/after-commit.ts) when work that follows a commit fails. */
@Injectable()
export class AfterCommitMetrics {
  private readonly failures: Counter<'effect'>;

  constructor(metrics: MetricsRegistry) {
    this.failures = new Counter({
      name: 'surgeline_after_commit_failures_total',
      help: 'Work following a committed change (enqueue a job, publish events) that failed; the reconciler repairs it from Postgres',
      labelNames: ['effect'],
      registers: [metrics.registry],
    });
  }

  countFailure(effect: string): void {
    this.failures.inc({ effect });
  }
}
