import { EventRow } from './events.repository';

/**
 * An events row as `to_jsonb` returns it, for SQL that records an event itself in the same round
 * trip as the change (the routing claim, `resolve_conversation`). Read it with `storedEvent`, then
 * hand it to EventsService.announce.
 */
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
