import { estimateWaitSeconds, WaitFacts } from './wait-estimate';

const facts = (overrides: Partial<WaitFacts>): WaitFacts => ({ position: 1, roomNow: false, assignedRecently: 0, scheduled: [], ...overrides });

describe('estimateWaitSeconds', () => {
  it.each<[string, Partial<WaitFacts>, number | null]>([
    ['an agent has room now', { roomNow: true, position: 40, assignedRecently: 3 }, 0],
    ['30 assigned in 15 minutes, 10th in line: 10 × 30 s', { position: 10, assignedRecently: 30 }, 300],
    ['1 assigned in 15 minutes, next in line', { position: 1, assignedRecently: 1 }, 900],
    ['nothing assigned, capacity of 3 signs in in 20 minutes', { position: 2, scheduled: [{ inSeconds: 1200, capacity: 3 }] }, 1200],
    [
      'nothing assigned, the second shift brings enough',
      { position: 5, scheduled: [{ inSeconds: 3600, capacity: 3 }, { inSeconds: 600, capacity: 3 }] },
      3600,
    ],
    ['nothing assigned, not enough scheduled', { position: 9, scheduled: [{ inSeconds: 600, capacity: 3 }] }, null],
    ['nothing known', { position: 1 }, null],
  ])('%s', (_case, overrides, expected) => {
    expect(estimateWaitSeconds(facts(overrides))).toBe(expected);
  });
});
