import { RecentAssignmentCounts, REUSED_FOR_MS, REUSED_FROM_COUNT } from './recent-assignment-counts';

describe('RecentAssignmentCounts', () => {
  it('offers a large count until it is REUSED_FOR_MS old', () => {
    const counts = new RecentAssignmentCounts();
    counts.remember('nl', REUSED_FROM_COUNT, 10_000);
    expect(counts.reusable(10_000 + REUSED_FOR_MS - 1)).toEqual({ nl: REUSED_FROM_COUNT });
    expect(counts.reusable(10_000 + REUSED_FOR_MS)).toEqual({});
  });

  it('never offers a small count: each assignment changes the estimate too much', () => {
    const counts = new RecentAssignmentCounts();
    counts.remember('fi', REUSED_FROM_COUNT - 1, 10_000);
    expect(counts.reusable(10_000)).toEqual({});
  });

  it('forgets a large count once a fresh read finds it small', () => {
    const counts = new RecentAssignmentCounts();
    counts.remember('de', 5_000, 10_000);
    counts.remember('de', 3, 10_500);
    counts.remember('en', 2_000, 10_500);
    expect(counts.reusable(10_600)).toEqual({ en: 2_000 });
  });
});
