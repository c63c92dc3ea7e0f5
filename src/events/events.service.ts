import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { NewEvent } from './event-types';

/** The channel every process LISTENs on; the payload is the new event's id. */
export const EVENTS_CHANNEL = 'surgeline_events';

@Injectable()
export class EventsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Pass the transaction's manager so the event commits (or rolls back) with the change it records.
   * pg_notify runs in the same transaction: Postgres delivers the notification only on commit, so
   * live streams never show an event that was rolled back.
   */
  async record(event: NewEvent, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.query(
      `WITH inserted AS (
         INSERT INTO events (type, actor_id, subject_type, subject_id, payload) VALUES ($1, $2, $3, $4, $5) RETURNING id
       )
       SELECT pg_notify('${EVENTS_CHANNEL}', id::text) FROM inserted`,
      [event.type, event.actorId, event.subjectType, event.subjectId, JSON.stringify(event.payload ?? {})],
    );
  }
}
