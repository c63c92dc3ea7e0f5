import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { EventType } from './event-types';

export interface EventRow {
  id: string;
  type: EventType;
  actorId: string | null;
  subjectType: string | null;
  subjectId: string | null;
  payload: Record<string, unknown>;
  at: Date;
}

export interface EventFilter {
  type?: EventType;
  actorId?: string;
  subjectId?: string;
  from?: Date;
  to?: Date;
  /** keyset: only events older (smaller id) than this one */
  beforeId?: string;
}

// id is a bigint handed out as text; ORDER BY must name events.id, or it would sort the text alias.
export const EVENT_COLUMNS = `id::text AS id, type, actor_id AS "actorId", subject_type AS "subjectType",
  subject_id AS "subjectId", payload, at`;

@Injectable()
export class EventsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Newest first by id. Each filter becomes its own predicate so Postgres can walk the matching
   * (type, id), (actor_id, id) or (subject_id, id) index backwards and stop after `limit` rows.
   */
  async findPage(filter: EventFilter, limit: number): Promise<EventRow[]> {
    const conditions: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      conditions.push(sql.replace('?', `$${params.length}`));
    };
    if (filter.type) add('type = ?', filter.type);
    if (filter.actorId) add('actor_id = ?', filter.actorId);
    if (filter.subjectId) add('subject_id = ?', filter.subjectId);
    if (filter.from) add('at >= ?', filter.from);
    if (filter.to) add('at < ?', filter.to);
    if (filter.beforeId) add('id < ?::bigint', filter.beforeId);
    params.push(limit);
    const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
    return this.dataSource.query(`SELECT ${EVENT_COLUMNS} FROM events ${where} ORDER BY events.id DESC LIMIT $${params.length}`, params);
  }

  /** Oldest first: the events after `afterId` committed since `since`, at most `limit`. */
  async findAfter(afterId: string, since: Date, limit: number, concerning?: AgentConcern): Promise<EventRow[]> {
    const params: unknown[] = [afterId, since, limit];
    let concernCondition = '';
    if (concerning) {
      params.push(concerning.types, concerning.agentId);
      concernCondition = `AND type = ANY($4) AND (${concerning.fields.map((field) => `payload ->> '${field}' = $5`).join(' OR ')})`;
    }
    return this.dataSource.query(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE id > $1::bigint AND at >= $2 ${concernCondition} ORDER BY events.id LIMIT $3`,
      params,
    );
  }

  /** The newest event's id, '0' before the first. */
  async latestId(): Promise<string> {
    const [row] = await this.dataSource.query<{ id: string }[]>(`SELECT coalesce(max(id), 0)::text AS id FROM events`);
    return row.id;
  }
}

/** Narrows a replay to the events of these types whose payload names the agent in one of these fields. */
export interface AgentConcern {
  agentId: string;
  types: EventType[];
  fields: string[];
}
