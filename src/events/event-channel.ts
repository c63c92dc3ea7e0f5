import { EventRow } from './events.repository';

/** The Redis channel committed events travel on; scoped like the queues so deployments sharing a Redis stay apart. */
export const eventsChannel = (prefix: string) => `${prefix}:events`;

/** Events published together travel as one message: a JSON array of rows. */
export function encodeEvents(rows: EventRow[]): string {
  return JSON.stringify(rows);
}

export function decodeEvents(message: string): EventRow[] {
  return (JSON.parse(message) as (Omit<EventRow, 'at'> & { at: string })[]).map((row) => ({ ...row, at: new Date(row.at) }));
}
