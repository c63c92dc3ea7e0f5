import { busiestDayMs, staysWithinDailyHours } from './shift-hours';

const T0 = Date.parse('2030-03-01T00:00:00Z');
const HOUR = 3_600_000;
/** A window from hour `from` to hour `to` after T0. */
const hours = (from: number, to: number) => ({ startsAt: new Date(T0 + from * HOUR), endsAt: new Date(T0 + to * HOUR) });

describe('busiestDayMs', () => {
  it.each([
    ['a lone claim', [], hours(0, 8), 8],
    ['back to back', [hours(0, 8)], hours(8, 12), 12],
    ['a day apart, both ends in one window', [hours(0, 8)], hours(23, 24), 9],
    ['exactly 24 hours after the start', [hours(0, 8)], hours(24, 32), 8],
    ['the window sliding over both', [hours(0, 8)], hours(20, 30), 12],
    ['three claims, the middle one new', [hours(0, 6), hours(18, 24)], hours(10, 14), 16],
    ['a claim far away does not count', [hours(-100, -88)], hours(0, 4), 4],
    ['a claim the day before, all in one window with it', [hours(-20, -8)], hours(0, 4), 16],
    ['a claim the day before, partly inside the window', [hours(-22, -10)], hours(0, 4), 14],
  ])('%s', (_name, claims, candidate, expectedHours) => {
    expect(busiestDayMs(claims, candidate)).toBe(expectedHours * HOUR);
  });

  it('ignores windows that do not hold the candidate, even when they are over a lowered limit', () => {
    const earlier = [hours(0, 12), hours(12, 24)];
    expect(staysWithinDailyHours(earlier, hours(60, 64), 12)).toBe(true);
  });
});

describe('staysWithinDailyHours', () => {
  it.each([
    [[hours(0, 8)], hours(8, 12), 12, true],
    [[hours(0, 8), hours(8, 12)], hours(12, 13), 12, false],
    [[hours(0, 8), hours(8, 12)], hours(23, 24), 12, false],
    [[hours(0, 8), hours(8, 12)], hours(24, 25), 12, true],
    [[], hours(0, 12), 1, false],
    [[hours(0, 12)], hours(12, 24), 24, true],
  ])('case %#', (claims, candidate, maxHours, expected) => {
    expect(staysWithinDailyHours(claims, candidate, maxHours)).toBe(expected);
  });
});
