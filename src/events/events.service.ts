import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { preparedQuery } from '../database/prepared-query';
import { EventPublisher } from './event-publisher';
import { NewEvent } from './event-types';
import { EVENT_COLUMNS, EventRow } from './events.repository';

@Injectable()
export class EventsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly publisher: EventPublisher,
  ) {}

  /** Pass the transaction's manager so the event commits (or rolls back) with the change it records. */
  async record(event: NewEvent, manager: EntityManager = this.dataSource.manager): Promise<void> {
    const [row] = await preparedQuery<EventRow>(
      manager,
      `INSERT INTO events (type, actor_id, subject_type, subject_id, payload) VALUES ($1, $2, $3, $4, $5)
       RETURNING ${EVENT_COLUMNS}`,
      [event.type, event.actorId, event.subjectType, event.subjectId, JSON.stringify(event.payload ?? {})],
    );
    await this.announce(row, manager);
  }

  /**
   * For an event that SQL of its own recorded: live streams get it once it commits. Pass the
   * transaction's manager when it is not committed yet.
   */
  announce(row: EventRow, manager?: EntityManager): Promise<void> {
    return this.publisher.publishWhenCommitted(row, manager?.queryRunner);
  }
}
