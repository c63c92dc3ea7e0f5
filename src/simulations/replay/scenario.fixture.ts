import { Scenario } from './scenario';

/** A small valid scenario: one day, three languages, staff around the clock and a few volunteers. */
export const smallScenario = (over: Partial<Scenario> = {}): Scenario => ({
  name: 'small',
  seed: 7,
  start: '2026-04-15T06:00:00Z',
  hours: 24,
  slaMinutes: 60,
  patienceMinutes: 720,
  arrivals: {
    total: 2000,
    curve: [0.2, 0.5, 1, 1, 0.8, 0.6],
    languages: { nl: 0.5, en: 0.4, de: 0.1 },
    channels: { twitter: 0.5, facebook: 0.5 },
    flights: { count: 50, share: 0.5 },
    keywords: { wheelchair: 0.05 },
  },
  handleMinutes: { mean: 7, sd: 4 },
  roster: {
    staff: [{ languages: ['nl', 'en'], count: 4, hours: '0-24' }],
    volunteers: { enrollPerHour: [2, 2, 1], languages: { nl: 0.5, en: 0.3, de: 0.2 }, shiftHours: 8, maxConcurrent: 3 },
  },
  ...over,
});
