import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import Redis from 'ioredis';
import { DataSource, EntitySubscriberInterface, QueryRunner, TransactionCommitEvent, TransactionRollbackEvent } from 'typeorm';
import { AppConfigService } from '../config/app-config.service';
import { AfterCommit } from '../database/after-commit';
import { ROUTING_CONNECTION } from '../database/routing-data-source';
import { encodeEvents, eventsChannel } from './event-channel';
import { EventRow } from './events.repository';

const PENDING_EVENTS = 'surgeline.pendingEvents';

/**
 * Publishes recorded events to every process's live stream once their transaction has committed.
 * Notifying from inside the transaction (pg_notify) would serialize the commits of every writing
 * transaction in the database; publishing after the commit costs one Redis command and no lock.
 * A process that dies between its commit and the publish loses that live message only: GET /events
 * is the record. A failed publish is counted under AfterCommit's failure policy.
 */
@Injectable()
export class EventPublisher implements EntitySubscriberInterface, OnModuleDestroy {
  private readonly logger = new Logger(EventPublisher.name);
  private readonly redis: Redis;
  private readonly channel: string;

  constructor(
    @InjectDataSource() dataSource: DataSource,
    @InjectDataSource(ROUTING_CONNECTION) routingDataSource: DataSource,
    config: AppConfigService,
    private readonly afterCommit: AfterCommit,
  ) {
    // Both pools' commits: routing records its assignments on a pool of its own.
    for (const source of [dataSource, routingDataSource]) source.subscribers.push(this);
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
    // What happened, to whom, by whom: ids only, never payloads (they may name flights or counts of people).
    for (const row of rows) this.logger.log(`${row.type} ${row.subjectType ?? '-'} ${row.subjectId ?? '-'} by ${row.actorId ?? 'the service'} (event ${row.id})`);
    try {
      await this.redis.publish(this.channel, encodeEvents(rows));
    } catch (error) {
      // Live streams catch up from GET /events (Last-Event-ID) when they reconnect.
      this.afterCommit.countFailure('publish events', error);
    }
  }
}

function takePending(queryRunner: QueryRunner): EventRow[] {
  const rows = (queryRunner.data[PENDING_EVENTS] ?? []) as EventRow[];
  delete queryRunner.data[PENDING_EVENTS];
  return rows;
}
