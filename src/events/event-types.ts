/** Every state change the audit trail knows; payloads never carry passenger text. */
export const EVENT_TYPES = [
  'auth.login_failed',
  'auth.session_started',
  'auth.session_ended',
  'user.created',
  'agent.updated',
  'agent.approved',
  'agent.imported',
  'incident.created',
  'incident.updated',
  'incident.closed',
  'surge.activated',
  'surge.deactivated',
  'invite.created',
  'volunteer.enrolled',
  'volunteer.expired',
  'shift.created',
  'shift.claimed',
  'shift.released',
  'agent.signed_in',
  'agent.signed_out',
  'agent.presence_changed',
  'conversation.assigned',
  'conversation.requeued',
  'conversation.transferred',
  'conversation.replied',
  'conversation.resolved',
  'conversation.unroutable',
  'routing_rule.changed',
  'flight.replied',
] as const;

export type EventType = (typeof EVENT_TYPES)[number];

export interface NewEvent {
  type: EventType;
  actorId: string | null;
  subjectType: string | null;
  subjectId: string | null;
  payload?: Record<string, unknown>;
}
