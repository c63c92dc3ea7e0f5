import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

const SERIALIZATION_FAILURE = '40001';
const DEADLOCK_DETECTED = '40P01';

/** Runs work in one transaction; retries the whole unit when Postgres aborts it for a lost race. */
@Injectable()
export class TransactionRunner {
  constructor(private readonly dataSource: DataSource) {}

  async run<T>(work: (manager: EntityManager) => Promise<T>, attempts = 3): Promise<T> {
    return this.retryingLostRaces(() => this.dataSource.transaction(work), attempts);
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
