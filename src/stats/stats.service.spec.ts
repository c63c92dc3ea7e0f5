import { LiveFigureRows, StatsRepository } from './stats.repository';
import { LIVE_STATS_TTL_MS, StatsService } from './stats.service';
import { WaitEstimator } from './wait-estimator';

const START = new Date('2024-11-22T12:00:00.000Z');

function figureRows(now: Date, slaMinutes: number | null = null): LiveFigureRows {
  return {
    surge: { now, incidentName: slaMinutes === null ? null : 'Ash cloud', slaMinutes },
    openWork: [],
    unroutable: [],
    availableAgents: [{ language: null, count: 0 }],
    firstResponse: { answered: 0, withinSla: 0, p50: null, p90: null },
    estimatedWaits: new Map(),
  };
}

describe('StatsService.liveStats cache', () => {
  let repository: { liveFigureRows: jest.Mock };
  let service: StatsService;

  beforeEach(() => {
    jest.useFakeTimers({ now: START });
    repository = { liveFigureRows: jest.fn(async () => figureRows(new Date())) };
    service = new StatsService(repository as unknown as StatsRepository, { forArrivals: async () => new Map() } as unknown as WaitEstimator);
  });
  afterEach(() => jest.useRealTimers());

  it('shares one computation among concurrent callers', async () => {
    const results = await Promise.all(Array.from({ length: 200 }, () => service.liveStats()));
    expect(repository.liveFigureRows).toHaveBeenCalledTimes(1);
    expect(service.computations).toBe(1);
    for (const result of results) expect(result).toBe(results[0]);
  });

  it.each([
    [0, 1],
    [LIVE_STATS_TTL_MS - 1, 1],
    [LIVE_STATS_TTL_MS, 2],
    [LIVE_STATS_TTL_MS * 3, 2],
  ])('after %i ms, %i computation(s) in all', async (elapsed, expected) => {
    const first = await service.liveStats();
    jest.setSystemTime(START.getTime() + elapsed);
    const second = await service.liveStats();
    expect(service.computations).toBe(expected);
    expect(second.updatedAt).toBe(expected === 1 ? first.updatedAt : new Date(START.getTime() + elapsed).toISOString());
  });

  it('counts the lifetime from the start of the computation, so figures are never older than the TTL', async () => {
    let finish: (rows: LiveFigureRows) => void = () => undefined;
    repository.liveFigureRows.mockImplementationOnce(() => new Promise((resolve) => (finish = resolve)));
    const slow = service.liveStats();
    jest.setSystemTime(START.getTime() + 4_000);
    finish(figureRows(START));
    await slow;
    jest.setSystemTime(START.getTime() + LIVE_STATS_TTL_MS);
    await service.liveStats();
    expect(service.computations).toBe(2);
  });

  it('does not cache a failure: every waiting caller gets the error, the next call computes again', async () => {
    repository.liveFigureRows.mockRejectedValueOnce(new Error('connection refused'));
    const failed = await Promise.allSettled([service.liveStats(), service.liveStats()]);
    expect(failed.map((result) => result.status)).toEqual(['rejected', 'rejected']);
    await expect(service.liveStats()).resolves.toMatchObject({ surgeActive: false });
    expect(service.computations).toBe(2);
  });

  it.each([
    [null, 60],
    [15, 15],
  ])('uses the active incident SLA (%p) or 60 minutes without one', async (slaMinutes, expected) => {
    repository.liveFigureRows.mockResolvedValueOnce(figureRows(START, slaMinutes));
    expect((await service.liveStats()).slaMinutes).toBe(expected);
  });
});
