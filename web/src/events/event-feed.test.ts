import { describe, expect, it } from 'vitest';
import { type AuditEvent, EVENT_TYPES, mergeEvent } from './event-feed';

const event = (id: string, type: AuditEvent['type'] = 'surge.activated') =>
  ({ id, type, actorId: null, subjectType: 'incident', subjectId: null, payload: {}, at: '2026-12-02T10:00:00.000Z' }) as AuditEvent;

describe('event feed', () => {
  it('adds a new event on top, newest first by id (ids are big integers as strings)', () => {
    const list = [event('10'), event('9')];
    expect(mergeEvent(list, event('11'), null).map((e) => e.id)).toEqual(['11', '10', '9']);
    expect(mergeEvent([event('99')], event('100'), null).map((e) => e.id)).toEqual(['100', '99']);
    expect(mergeEvent(list, event('9007199254740993'), null)[0].id).toBe('9007199254740993');
  });

  it('keeps the list as it is for an event it has or one the filter hides', () => {
    const list = [event('10')];
    expect(mergeEvent(list, event('10'), null)).toBe(list);
    expect(mergeEvent(list, event('11', 'incident.created'), 'surge.activated')).toBe(list);
    expect(mergeEvent(list, event('11', 'surge.activated'), 'surge.activated').map((e) => e.id)).toEqual(['11', '10']);
  });

  it('keeps at most the newest `max`', () => {
    expect(mergeEvent([event('3'), event('2')], event('4'), null, 2).map((e) => e.id)).toEqual(['4', '3']);
  });

  it('lists every type once', () => {
    expect(new Set(EVENT_TYPES).size).toBe(EVENT_TYPES.length);
  });
});
