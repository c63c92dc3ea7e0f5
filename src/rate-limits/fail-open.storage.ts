import { Logger, OnModuleDestroy } from '@nestjs/common';
import { ThrottlerStorage } from '@nestjs/throttler';
import { ThrottlerStorageRecord } from '@nestjs/throttler/dist/throttler-storage-record.interface';

/** A counter that does not answer within this long lets the request through. */
const COUNT_TIMEOUT_MS = 250;
const NOT_COUNTED: ThrottlerStorageRecord = { totalHits: 0, timeToExpire: 0, isBlocked: false, timeToBlockExpire: 0 };

/**
 * The counters live in Redis so that every process shares them; when Redis is slow or down the
 * limits are not enforced rather than the requests refused: intake and log-in need only Postgres.
 */
export class FailOpenStorage implements ThrottlerStorage, OnModuleDestroy {
  private readonly logger = new Logger(FailOpenStorage.name);

  /** `close` releases the counters' connection when the application shuts down. */
  constructor(
    private readonly counters: ThrottlerStorage,
    private readonly close: () => void,
  ) {}

  onModuleDestroy(): void {
    this.close();
  }

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<ThrottlerStorageRecord> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${COUNT_TIMEOUT_MS} ms`)), COUNT_TIMEOUT_MS);
    });
    try {
      return await Promise.race([this.counters.increment(key, ttl, limit, blockDuration, throttlerName), timeout]);
    } catch (error) {
      this.logger.warn(`rate limit ${throttlerName} not enforced: ${(error as Error).message}`);
      return NOT_COUNTED;
    } finally {
      clearTimeout(timer);
    }
  }
}
