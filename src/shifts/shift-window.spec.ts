import {
  isInsideSignInWindow,
  isPastSignOutGrace,
  keepsVolunteerSignedIn,
  shiftWindowProblem,
  TimeWindow,
  windowsOverlap,
} from './shift-window';

const NOW = new Date('2024-04-15T10:00:00.000Z');
const at = (hhmm: string, day = '2024-04-15') => new Date(`${day}T${hhmm}:00.000Z`);
const shift = (from: string, to: string): TimeWindow => ({ startsAt: at(from), endsAt: at(to) });

describe('shiftWindowProblem', () => {
  it.each<[string, TimeWindow, string | null]>([
    ['a future 8 hour shift', shift('12:00', '20:00'), null],
    ['a shift running now', shift('09:00', '11:00'), null],
    ['exactly 12 hours', shift('11:00', '23:00'), null],
    ['one minute past 12 hours', { startsAt: at('11:00'), endsAt: at('23:01') }, 'endsAt must be at most 12 hours after startsAt'],
    ['end equal to start', shift('12:00', '12:00'), 'endsAt must be after startsAt'],
    ['end before start', shift('12:00', '11:00'), 'endsAt must be after startsAt'],
    ['ended exactly now', shift('08:00', '10:00'), 'endsAt must be in the future'],
    ['ended an hour ago', shift('06:00', '09:00'), 'endsAt must be in the future'],
  ])('%s', (_, window, expected) => {
    expect(shiftWindowProblem(window, NOW)).toBe(expected);
  });
});

describe('isInsideSignInWindow', () => {
  const window = shift('10:00', '18:00');
  it.each<[string, string, boolean]>([
    ['16 minutes early', '09:44', false],
    ['exactly 15 minutes early', '09:45', true],
    ['5 minutes early', '09:55', true],
    ['at the start', '10:00', true],
    ['in the middle', '14:00', true],
    ['one minute before the end', '17:59', true],
    ['at the end', '18:00', false],
    ['after the end', '18:05', false],
  ])('%s (%s)', (_, now, expected) => {
    expect(isInsideSignInWindow(window, at(now))).toBe(expected);
  });
});

describe('isPastSignOutGrace', () => {
  const window = shift('10:00', '18:00');
  it.each<[string, boolean]>([
    ['17:00', false],
    ['18:00', false],
    ['18:14', false],
    ['18:15', true],
    ['19:00', true],
  ])('at %s → %s', (now, expected) => {
    expect(isPastSignOutGrace(window, at(now))).toBe(expected);
  });
});

describe('keepsVolunteerSignedIn', () => {
  const window = shift('10:00', '18:00');
  it.each<[string, boolean]>([
    ['09:44', false],
    ['09:45', true],
    ['12:00', true],
    ['18:10', true],
    ['18:14', true],
    ['18:15', false],
  ])('at %s → %s', (now, expected) => {
    expect(keepsVolunteerSignedIn(window, at(now))).toBe(expected);
  });
});

describe('windowsOverlap', () => {
  it.each<[string, TimeWindow, TimeWindow, boolean]>([
    ['identical', shift('10:00', '12:00'), shift('10:00', '12:00'), true],
    ['partly', shift('10:00', '12:00'), shift('11:00', '13:00'), true],
    ['one inside the other', shift('10:00', '18:00'), shift('12:00', '13:00'), true],
    ['back to back', shift('10:00', '12:00'), shift('12:00', '14:00'), false],
    ['back to back, reversed', shift('12:00', '14:00'), shift('10:00', '12:00'), false],
    ['apart', shift('10:00', '11:00'), shift('13:00', '14:00'), false],
    ['across midnight', { startsAt: at('22:00'), endsAt: at('02:00', '2024-04-16') }, { startsAt: at('01:00', '2024-04-16'), endsAt: at('05:00', '2024-04-16') }, true],
  ])('%s → %s', (_, a, b, expected) => {
    expect(windowsOverlap(a, b)).toBe(expected);
    expect(windowsOverlap(b, a)).toBe(expected);
  });
});
