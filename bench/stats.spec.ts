import { percentile, perSecond, ratio, summarize } from './stats';

describe('bench statistics', () => {
  const hundred = Array.from({ length: 100 }, (_, i) => i + 1);

  it.each([
    [[7], 50, 7],
    [[7], 99, 7],
    [[1, 2], 50, 1],
    [[1, 2], 51, 2],
    [hundred, 50, 50],
    [hundred, 95, 95],
    [hundred, 99, 99],
    [hundred, 100, 100],
    [hundred, 0, 1],
    [[1, 2, 3, 4, 1000], 99, 1000],
    [[1, 2, 3, 4, 1000], 80, 4],
  ])('nearest-rank percentile of %j at p%d is %d', (values, p, expected) => {
    expect(percentile(values, p)).toBe(expected);
  });

  it('refuses a percentile of nothing rather than inventing one', () => {
    expect(() => percentile([], 50)).toThrow('percentile of no values');
  });

  it('summarizes unsorted values without reordering the input', () => {
    const values = [30, 10, 20, 40];
    expect(summarize(values)).toEqual({ count: 4, mean: 25, p50: 20, p95: 40, p99: 40, max: 40 });
    expect(values).toEqual([30, 10, 20, 40]);
  });

  it('rounds to the digits asked for', () => {
    expect(summarize([1.23456, 2.34567], 3)).toEqual({ count: 2, mean: 1.79, p50: 1.235, p95: 2.346, p99: 2.346, max: 2.346 });
  });

  it('marks an empty measurement with count 0', () => {
    expect(summarize([])).toEqual({ count: 0, mean: 0, p50: 0, p95: 0, p99: 0, max: 0 });
  });

  it.each([
    [1500, 10, 150],
    [10, 3, 3.3],
    [5, 0, 0],
  ])('%d events in %d s is %d per second', (count, seconds, expected) => {
    expect(perSecond(count, seconds)).toBe(expected);
  });

  it.each([
    [300, 1000, 0.3],
    [2, 3, 0.667],
    [5, 0, null],
    [5, null, null],
    [null, 5, null],
    [5, undefined, null],
  ])('ratio %p ÷ %p is %p', (a, b, expected) => {
    expect(ratio(a, b)).toBe(expected);
  });
});
