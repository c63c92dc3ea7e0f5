import type { Schemas } from '../api/client';

/** Pure logic of the event feed: live events merged into the list that was read, newest first. */

export type AuditEvent = Schemas['EventViewDto'];
export type EventType = AuditEvent['type'];

/** Every type the audit trail records; the check below fails the build when the service adds one. */
export const EVENT_TYPES = [
  'auth.login_failed', 'auth.session_started', 'auth.session_ended',
  'user.created', 'agent.updated', 'agent.approved', 'agent.imported',
  'incident.created', 'incident.updated', 'incident.closed', 'surge.activated', 'surge.deactivated',
  'invite.created', 'volunteer.enrolled', 'volunteer.expired',
  'shift.created', 'shift.claimed', 'shift.released',
  'agent.signed_in', 'agent.signed_out', 'agent.presence_changed',
  'conversation.assigned', 'conversation.requeued', 'conversation.transferred', 'conversation.replied',
  'conversation.resolved', 'conversation.unroutable',
  'routing_rule.changed', 'flight.replied',
] as const satisfies readonly EventType[];
type Unlisted = Exclude<EventType, (typeof EVENT_TYPES)[number]>;
export const EVERY_TYPE_LISTED: [Unlisted] extends [never] ? true : Unlisted = true;

/** How many events the screen keeps; older ones are in GET /events. */
export const FEED_SIZE = 100;

const newestFirst = (a: AuditEvent, b: AuditEvent) => {
  const [x, y] = [BigInt(a.id), BigInt(b.id)];
  return x === y ? 0 : x > y ? -1 : 1;
};

/** The list with an event from the stream added (when it passes the filter and is not there yet), newest first, at most `max`. */
export function mergeEvent(list: readonly AuditEvent[], event: AuditEvent, type: EventType | null, max = FEED_SIZE): readonly AuditEvent[] {
  if ((type !== null && event.type !== type) || list.some((known) => known.id === event.id)) return list;
  return [...list, event].sort(newestFirst).slice(0, max);
}
