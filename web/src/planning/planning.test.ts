import { describe, expect, it } from 'vitest';
import { percent, REPLAY_LIMITS, replayFigures, sampleScenario, wholeWithin } from './planning';

describe('planning', () => {
  it('sizes the sample scenario and starts it on the hour', () => {
    const scenario = sampleScenario({ total: 300, hours: 6 }, new Date('2026-04-15T06:42:10Z'));
    expect(scenario).toMatchObject({ hours: 6, start: '2026-04-15T06:00:00.000Z', arrivals: expect.objectContaining({ total: 300 }) });
  });

  it('accepts only whole numbers within the limits', () => {
    expect(wholeWithin('300', REPLAY_LIMITS.total)).toBe(300);
    expect(wholeWithin(' 50 ', REPLAY_LIMITS.total)).toBe(50);
    expect(wholeWithin('49', REPLAY_LIMITS.total)).toBeNull();
    expect(wholeWithin('5001', REPLAY_LIMITS.total)).toBeNull();
    expect(wholeWithin('1.5', REPLAY_LIMITS.hours)).toBeNull();
    expect(wholeWithin('', REPLAY_LIMITS.hours)).toBeNull();
  });

  it('reads the figures of a result, missing ones as null', () => {
    const figures = replayFigures({ answered: 290, abandoned: 10, slaAttainment: 0.9, firstResponseMinutes: { p50: 3, p90: 20, p99: 50 }, plan: { predictedAttainment: 0.95 } });
    expect(figures).toMatchObject({ arrivals: 300, answered: 290, p90: 20, maxQueued: null, planAttainment: 0.95 });
    expect(replayFigures(null).answered).toBeNull();
  });

  it('writes shares as percentages', () => {
    expect(percent(0.98534)).toBe('98.5%');
    expect(percent(1)).toBe('100.0%');
    expect(percent(null)).toBe('–');
  });
});
