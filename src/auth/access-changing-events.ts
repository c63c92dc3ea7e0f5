import { EventType } from '../events/event-types';

/**
 * Events whose subject (a user id) may just have lost access: log-out, a status change (a
 * suspension; the users_status_ends_sessions trigger also ends the account's sessions), a
 * surge-end expiry. They are the only writes of users.status and sessions.ended_at; an account's
 * role, email and kind never change once it exists, and a path that starts changing them must record
 * one of these too, or open streams and the guard's cache keep the old account.
 */
export const ACCESS_CHANGING_EVENTS: ReadonlySet<EventType> = new Set<EventType>(['auth.session_ended', 'agent.updated', 'volunteer.expired']);
