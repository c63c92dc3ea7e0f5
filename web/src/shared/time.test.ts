import { describe, expect, it } from 'vitest';
import { formatDuration, shiftTimer, slaState } from './time';

describe('formatDuration', () => {
  it.each([
    [0, '0 s'],
    [45, '45 s'],
    [125, '2 min 5 s'],
    [3599, '59 min 59 s'],
    [3720, '1 h 2 min'],
    [-90, '1 min 30 s'],
  ])('%i s → %s', (seconds, text) => expect(formatDuration(seconds)).toBe(text));
});

describe('slaState', () => {
  const receivedAt = '2024-11-22T10:00:00.000Z';

  it('counts down from the first message to the promised first response', () => {
    expect(slaState(receivedAt, false, 60, new Date('2024-11-22T10:15:00Z'))).toEqual({ kind: 'remaining', seconds: 45 * 60 });
    expect(slaState(receivedAt, false, 60, new Date('2024-11-22T11:00:00Z'))).toEqual({ kind: 'remaining', seconds: 0 });
  });

  it('is overdue past the promise and settled once answered', () => {
    expect(slaState(receivedAt, false, 60, new Date('2024-11-22T11:02:00Z'))).toEqual({ kind: 'overdue', seconds: 120 });
    expect(slaState(receivedAt, true, 60, new Date('2024-11-22T12:00:00Z'))).toEqual({ kind: 'answered' });
  });
});

describe('shiftTimer', () => {
  const shifts = [
    { startsAt: '2024-11-22T14:00:00Z', endsAt: '2024-11-22T18:00:00Z' },
    { startsAt: '2024-11-22T08:00:00Z', endsAt: '2024-11-22T12:00:00Z' },
  ];

  it('gives the time left in the shift under way', () => {
    expect(shiftTimer(shifts, new Date('2024-11-22T11:30:00Z'))).toEqual({ kind: 'running', secondsLeft: 30 * 60 });
  });

  it('gives the time to the next shift between shifts, and nothing after the last', () => {
    expect(shiftTimer(shifts, new Date('2024-11-22T13:45:00Z'))).toEqual({ kind: 'upcoming', secondsToStart: 15 * 60 });
    expect(shiftTimer(shifts, new Date('2024-11-22T07:00:00Z'))).toEqual({ kind: 'upcoming', secondsToStart: 3600 });
    expect(shiftTimer(shifts, new Date('2024-11-22T18:00:00Z'))).toEqual({ kind: 'none' });
  });
});
