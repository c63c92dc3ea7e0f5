import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { chartSeries, longestWaitNow, RefreshScheduler, sortLanguages } from './live-queue';

const row = (language: string, queued: number, longestWaitSeconds: number) => ({ language, queued, agentsAvailable: 1, longestWaitSeconds, unroutable: 0 });

describe('live queue figures', () => {
  it('ages the longest wait from the reading to now, and keeps an empty queue at zero', () => {
    const now = new Date('2026-12-02T10:00:30.000Z');
    expect(longestWaitNow({ queued: 2, longestWaitSeconds: 100 }, '2026-12-02T10:00:00.000Z', now)).toBe(130);
    expect(longestWaitNow({ queued: 0, longestWaitSeconds: 0 }, '2026-12-02T10:00:00.000Z', now)).toBe(0);
    expect(longestWaitNow({ queued: 1, longestWaitSeconds: 5 }, '2026-12-02T10:00:40.000Z', now)).toBe(5);
  });

  it('puts the language with most waiting on top, then the longest wait, then the code', () => {
    const sorted = sortLanguages([row('en', 1, 10), row('nl', 3, 5), row('fi', 1, 90), row('de', 1, 10)]);
    expect(sorted.map((r) => r.language)).toEqual(['nl', 'fi', 'de', 'en']);
  });

  it('turns the history into chart columns: seconds, waiting, minutes (null when nobody was answered)', () => {
    expect(
      chartSeries([
        { at: '2026-12-02T10:00:00.000Z', waiting: 3, firstResponseP50Seconds: 90 },
        { at: '2026-12-02T10:10:00.000Z', waiting: 0, firstResponseP50Seconds: null },
      ]),
    ).toEqual([[1796205600, 1796206200], [3, 0], [1.5, null]]);
  });
});

describe('refreshing after events', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('reads at once, at most once per gap however many events arrive, and once more after the cache lifetime', () => {
    const refresh = vi.fn();
    const scheduler = new RefreshScheduler(refresh, 1000, 5000, () => Date.now());
    scheduler.eventArrived();
    scheduler.eventArrived();
    vi.advanceTimersByTime(0);
    expect(refresh).toHaveBeenCalledTimes(1);
    scheduler.eventArrived();
    vi.advanceTimersByTime(500);
    expect(refresh).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(500);
    expect(refresh).toHaveBeenCalledTimes(2);
    // 5 s after the last event.
    vi.advanceTimersByTime(3999);
    expect(refresh).toHaveBeenCalledTimes(2);
    vi.advanceTimersByTime(1);
    expect(refresh).toHaveBeenCalledTimes(3);
    vi.advanceTimersByTime(60_000);
    expect(refresh).toHaveBeenCalledTimes(3);
  });

  it('reads nothing more once stopped', () => {
    const refresh = vi.fn();
    const scheduler = new RefreshScheduler(refresh, 1000, 5000, () => Date.now());
    scheduler.eventArrived();
    scheduler.stop();
    vi.advanceTimersByTime(10_000);
    expect(refresh).not.toHaveBeenCalled();
  });
});
