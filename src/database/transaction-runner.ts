import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AfterCommit } from './after-commit';
import { CommitEffects } from './commit-effects';

const SERIALIZATION_FAILURE = '40001';
const DEADLOCK_DETECTED = '40P01';

/**
 * Runs a unit of work: one transaction, retried whole when Postgres aborts it for a lost race, then
 * the effects it collected (jobs to enqueue) once it has committed.
 */
@Injectable()
export class TransactionRunner {
  constructor(
    private readonly dataSource: DataSource,
    private readonly afterCommit: AfterCommit,
  ) {}

  async run<T>(work: (manager: EntityManager, effects: CommitEffects) => Promise<T>, attempts = 3): Promise<T> {
    let effects = new CommitEffects();
    const result = await this.retryingLostRaces(() => {
      // A retried attempt starts over: what an aborted attempt collected never happened.
      effects = new CommitEffects();
      return this.dataSource.transaction((manager) => work(manager, effects));
    }, attempts);
    await this.afterCommit.runAll(effects.all);
    return result;
  }

  /** For a single statement (its own transaction) that Postgres may abort the same way. */
  async retryingLostRaces<T>(statement: () => Promise<T>, attempts = 3): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await statement();
      } catch (error) {
        const code = (error as { code?: string }).code;
        const retryable = code === SERIALIZATION_FAILURE || code === DEADLOCK_DETECTED;
        if (!retryable || attempt >= attempts) throw error;
      }
    }
  }
}
