import { toLiveStats } from './live-stats.mapper';
import { LiveFigureRows, OpenWorkRow } from './stats.repository';

const NOW = new Date('2024-11-22T12:00:00.000Z');
const secondsAgo = (seconds: number) => new Date(NOW.getTime() - seconds * 1000);

const work = (overrides: Partial<OpenWorkRow>): OpenWorkRow => ({
  status: 'queued',
  language: 'en',
  channel: 'twitter',
  count: 1,
  oldestReceivedAt: secondsAgo(60),
  breached: 0,
  ...overrides,
});

const rows = (overrides: Partial<LiveFigureRows> = {}): LiveFigureRows => ({
  surge: { now: NOW, incidentName: null, slaMinutes: null },
  openWork: [],
  unroutable: [],
  availableAgents: [{ language: null, count: 0 }],
  firstResponse: { answered: 0, withinSla: 0, p50: null, p90: null },
  estimatedWaits: new Map(),
  ...overrides,
});

describe('toLiveStats', () => {
  it('reports an idle service without a surge', () => {
    expect(toLiveStats(rows(), 60)).toEqual({
      surgeActive: false,
      incident: null,
      queued: 0,
      assigned: 0,
      agentsAvailable: 0,
      longestWaitSeconds: 0,
      unroutable: 0,
      firstResponse: { p50Seconds: null, p90Seconds: null, windowMinutes: 60 },
      slaMinutes: 60,
      slaAttainment: null,
      byLanguage: [],
      byChannel: ['twitter', 'facebook', 'whatsapp', 'email', 'sms', 'web'].map((channel) => ({ channel, queued: 0, assigned: 0 })),
      updatedAt: '2024-11-22T12:00:00.000Z',
    });
  });

  it('names the incident whose surge is active', () => {
    const stats = toLiveStats(rows({ surge: { now: NOW, incidentName: 'Ash cloud', slaMinutes: 30 } }), 30);
    expect(stats).toMatchObject({ surgeActive: true, incident: { name: 'Ash cloud' }, slaMinutes: 30 });
  });

  it.each([
    ['no judged conversation', { answered: 0, withinSla: 0 }, 0, null],
    ['all within', { answered: 4, withinSla: 4 }, 0, 1],
    ['late replies', { answered: 4, withinSla: 3 }, 0, 0.75],
    ['waiting breaches count as misses', { answered: 4, withinSla: 3 }, 2, 0.5],
    ['only waiting breaches', { answered: 0, withinSla: 0 }, 3, 0],
    ['rounded to 4 decimals', { answered: 3, withinSla: 2 }, 0, 0.6667],
  ])('slaAttainment: %s', (_, answered, breached, expected) => {
    const stats = toLiveStats(
      rows({ firstResponse: { ...answered, p50: 1, p90: 2 }, openWork: breached ? [work({ count: breached, breached })] : [] }),
      60,
    );
    expect(stats.slaAttainment).toBe(expected);
  });

  it.each([
    [null, null],
    [89.4, 89],
    [89.5, 90],
    [0.2, 0],
  ])('first-response percentile %p is given in whole seconds: %p', (value, expected) => {
    const stats = toLiveStats(rows({ firstResponse: { answered: 1, withinSla: 1, p50: value, p90: value } }), 60);
    expect(stats.firstResponse).toEqual({ p50Seconds: expected, p90Seconds: expected, windowMinutes: 60 });
  });

  it('sums queued and assigned work and takes the longest wait from queued work only', () => {
    const stats = toLiveStats(
      rows({
        openWork: [
          work({ language: 'en', channel: 'twitter', count: 2, oldestReceivedAt: secondsAgo(125.9) }),
          work({ language: 'nl', channel: 'email', count: 1, oldestReceivedAt: secondsAgo(30) }),
          work({ status: 'assigned', language: 'de', channel: 'email', count: 3, oldestReceivedAt: secondsAgo(9999) }),
        ],
      }),
      60,
    );
    expect(stats).toMatchObject({ queued: 3, assigned: 3, longestWaitSeconds: 125 });
    expect(stats.byChannel.find((row) => row.channel === 'email')).toEqual({ channel: 'email', queued: 1, assigned: 3 });
  });

  it('lists languages with queued work or available agents, by code, and gives und every available agent', () => {
    const stats = toLiveStats(
      rows({
        openWork: [
          work({ language: 'und', oldestReceivedAt: secondsAgo(10) }),
          work({ language: 'nl', channel: 'sms', oldestReceivedAt: secondsAgo(40) }),
          work({ language: 'nl', oldestReceivedAt: secondsAgo(20) }),
          work({ status: 'assigned', language: 'de' }),
        ],
        availableAgents: [
          { language: null, count: 5 },
          { language: 'fi', count: 2 },
          { language: 'nl', count: 1 },
        ],
      }),
      60,
    );
    expect(stats.agentsAvailable).toBe(5);
    expect(stats.byLanguage).toEqual([
      { language: 'fi', queued: 0, agentsAvailable: 2, longestWaitSeconds: 0, unroutable: 0, estimatedWaitSeconds: null },
      { language: 'nl', queued: 2, agentsAvailable: 1, longestWaitSeconds: 40, unroutable: 0, estimatedWaitSeconds: null },
      { language: 'und', queued: 1, agentsAvailable: 5, longestWaitSeconds: 10, unroutable: 0, estimatedWaitSeconds: null },
    ]);
  });

  it('gives each language the estimated wait the service worked out for it', () => {
    const stats = toLiveStats(rows({ openWork: [work({ language: 'nl' })], estimatedWaits: new Map([['nl', 240]]) }), 60);
    expect(stats.byLanguage).toEqual([expect.objectContaining({ language: 'nl', estimatedWaitSeconds: 240 })]);
  });

  it('counts work nobody can take, overall and per language', () => {
    const stats = toLiveStats(
      rows({ openWork: [work({ language: 'fi', count: 3 }), work({ language: 'nl', count: 2 })], unroutable: [{ language: 'fi', count: 2 }] }),
      60,
    );
    expect(stats.unroutable).toBe(2);
    expect(stats.byLanguage.map(({ language, unroutable }) => ({ language, unroutable }))).toEqual([
      { language: 'fi', unroutable: 2 },
      { language: 'nl', unroutable: 0 },
    ]);
  });

  it('never reports a negative wait (a clock slightly behind the message time)', () => {
    const stats = toLiveStats(rows({ openWork: [work({ oldestReceivedAt: secondsAgo(-2) })] }), 60);
    expect(stats.longestWaitSeconds).toBe(0);
  });
});
