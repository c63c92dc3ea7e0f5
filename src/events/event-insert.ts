import { EVENT_COLUMNS, EventRow } from './events.repository';

/** SQL expressions for the columns of an event recorded inside a larger statement. */
export interface EventValues {
  type: string;
  actorId: string;
  subjectType: string;
  subjectId: string;
  payload: string;
}

/**
 * The body of a data-modifying CTE recording one event per row of `source`, for statements that
 * write a change and its event in one round trip. Select `to_jsonb(<cte>)` and read it back with
 * `recordedEvent`; then hand it to EventsService.announce.
 */
export function recordEventPerRow(source: string, values: EventValues): string {
  return `INSERT INTO events (type, actor_id, subject_type, subject_id, payload)
         SELECT ${values.type}, ${values.actorId}, ${values.subjectType}, ${values.subjectId}, ${values.payload} FROM ${source}
         RETURNING ${EVENT_COLUMNS}`;
}

export type RecordedEventJson = Omit<EventRow, 'at'> & { at: string };

export function recordedEvent(json: RecordedEventJson): EventRow {
  return { ...json, at: new Date(json.at) };
}

/** An events row as `to_jsonb(events.*)` returns it, from code that records events in SQL. */
export interface StoredEventJson {
  id: number;
  type: EventRow['type'];
  actor_id: string | null;
  subject_type: string | null;
  subject_id: string | null;
  payload: Record<string, unknown>;
  at: string;
}

export function storedEvent(json: StoredEventJson): EventRow {
  return {
    id: String(json.id),
    type: json.type,
    actorId: json.actor_id,
    subjectType: json.subject_type,
    subjectId: json.subject_id,
    payload: json.payload,
    at: new Date(json.at),
  };
}
