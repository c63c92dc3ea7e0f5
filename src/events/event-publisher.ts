import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import Redis from 'ioredis';
import { DataSource, EntitySubscriberInterface, QueryRunner, TransactionCommitEvent, TransactionRollbackEvent } from 'typeorm';
import { AppConfigService } from '../config/app-config.service';
import { encodeEvents, eventsChannel } from './event-channel';
import { EventRow } from './events.repository';

const PENDING_EVENTS = 'surgeline.pendingEvents';

/**
 * Publishes recorded events to every process's live stream once their transaction has committed.
 * Notifying from inside the transaction (pg_notify) would serialize the commits of every writing
 * transaction in the database; publishing after the commit costs one Redis command and no lock.
 * A process that dies between its commit and the publish loses that live message only: GET /events
 * is the record.
 */
@Injectable()
export class EventPublisher implements EntitySubscriberInterface, OnModuleDestroy {
  private readonly logger = new Logger(EventPublisher.name);
  private readonly redis: Redis;
  private readonly channel: string;

  constructor(@InjectDataSource() dataSource: DataSource, config: AppConfigService) {
    dataSource.subscribers.push(this);
    this.redis = new Redis(config.get('REDIS_URL'), { lazyConnect: true, maxRetriesPerRequest: 1 });
    this.redis.on('error', () => undefined); // each failed publish is logged where it happens
    this.channel = eventsChannel(config.get('BULL_PREFIX'));
  }

  /** Inside a transaction the event waits for its commit, so live streams never show a rolled-back change. */
  async publishWhenCommitted(row: EventRow, queryRunner: QueryRunner | undefined): Promise<void> {
    if (queryRunner?.isTransactionActive) {
      ((queryRunner.data[PENDING_EVENTS] ??= []) as EventRow[]).push(row);
      return;
    }
    await this.publish([row]);
  }

  async afterTransactionCommit({ queryRunner }: TransactionCommitEvent): Promise<void> {
    // A released savepoint is not a commit: the outer transaction may still roll back.
    if (!queryRunner.isTransactionActive) await this.publish(takePending(queryRunner));
  }

  afterTransactionRollback({ queryRunner }: TransactionRollbackEvent): void {
    if (!queryRunner.isTransactionActive) takePending(queryRunner);
  }

  async onModuleDestroy(): Promise<void> {
    await this.redis.quit().catch(() => undefined);
  }

  private async publish(rows: EventRow[]): Promise<void> {
    if (rows.length === 0) return;
    try {
      await this.redis.publish(this.channel, encodeEvents(rows));
    } catch (error) {
      this.logger.warn(`${rows.length} committed event(s) not published to live streams: ${(error as Error).message}`);
    }
  }
}

function takePending(queryRunner: QueryRunner): EventRow[] {
  const rows = (queryRunner.data[PENDING_EVENTS] ?? []) as EventRow[];
  delete queryRunner.data[PENDING_EVENTS];
  return rows;
}
