import { phase } from '../result.fixture';
import { drainRate, MIN_DRAIN_BACKLOG, toEndToEndRun, toPhaseResult, waitEstimateError } from './figures';
import { DriverPhaseResult } from './driver-protocol';

const driven = (overrides: Partial<DriverPhaseResult> = {}): DriverPhaseResult => ({
  tag: 'p1-r200',
  startedAtMs: 1_000,
  endedAtMs: 11_000,
  seconds: 10,
  sent: 2000,
  accepted: 1990,
  failed: 10,
  statuses: { 202: 1990, 500: 10 },
  intakeLatencyMs: { count: 2000, mean: 4, p50: 3, p95: 8, p99: 12, max: 30 },
  maxScheduleLagMs: 2,
  estimatedWaits: {},
  ...overrides,
});

const agents = { pushed: 6, listRequests: 10, resolved: 5, resolveRefused: 0, errors: 0 };

describe('end-to-end figures', () => {
  it('combines what the driver timed with what Postgres stored', () => {
    const cpu = { service: 1.5, postgres: 1, postgresCluster: 1.25, redis: 0.25, total: 2.75 };
    const result = toPhaseResult(
      { kind: 'rate', perSecond: 200, seconds: 10 },
      driven(),
      { assignmentsDuringPhase: 1500, intakeToAssignedMs: new Map([5, 1, 3, 2, 4].map((ms, i) => [`c${i}`, ms])), lastAssignedAtMs: 12_345 },
      { leftQueued: 0, cpuMsPerConversation: cpu },
    );
    expect(result).toEqual({
      name: '200/s',
      kind: 'rate',
      offeredPerSecond: 200,
      seconds: 10,
      sent: 2000,
      accepted: 1990,
      failed: 10,
      intakePerSecond: 199,
      intakeLatencyMs: driven().intakeLatencyMs,
      assignmentsPerSecond: 150,
      assigned: 5,
      intakeToAssignedMs: { count: 5, mean: 3, p50: 3, p95: 5, p99: 5, max: 5 },
      waitEstimateErrorSeconds: null,
      leftQueued: 0,
      lastAssignedAfterSeconds: 11.35,
      cpuMsPerConversation: cpu,
    });
  });

  it('measures the wait told at intake against the wait that followed, over the conversations assigned', () => {
    const told = { c1: 0, c2: 10, c3: 4, c4: 30, unassigned: 60 };
    const waited = new Map([
      ['c1', 500],
      ['c2', 4_000],
      ['c3', 4_000],
      ['c4', 10_000],
      ['untold', 1_000],
    ]);
    // Absolute errors 0.5, 6, 0 and 20 seconds.
    expect(waitEstimateError(told, waited)).toEqual({ count: 4, p50: 0.5, p90: 20 });
    expect(waitEstimateError({}, waited)).toBeNull();
  });

  it('offers no rate for the phase that sends as fast as accepted', () => {
    const result = toPhaseResult(
      { kind: 'max', inFlight: 32, seconds: 10 },
      driven(),
      { assignmentsDuringPhase: 0, intakeToAssignedMs: new Map(), lastAssignedAtMs: null },
      { leftQueued: 40, cpuMsPerConversation: null },
    );
    expect(result).toMatchObject({
      name: 'max (32 in flight)',
      offeredPerSecond: null,
      assigned: 0,
      intakeToAssignedMs: { count: 0 },
      leftQueued: 40,
      lastAssignedAfterSeconds: null,
    });
  });

  it('names a burst by its backlog and offers no rate for it', () => {
    const result = toPhaseResult(
      { kind: 'burst', conversations: 10_000, inFlight: 64, settleTimeoutMs: 1 },
      driven(),
      { assignmentsDuringPhase: 0, intakeToAssignedMs: new Map([['c1', 10]]), lastAssignedAtMs: 61_000 },
      { leftQueued: 0, cpuMsPerConversation: null },
    );
    expect(result).toMatchObject({ name: 'burst of 10,000', kind: 'burst', offeredPerSecond: null, lastAssignedAfterSeconds: 60 });
  });

  it.each([
    [null, null],
    [{ backlog: MIN_DRAIN_BACKLOG - 1, assignments: 49, seconds: 1 }, null],
    [{ backlog: 500, assignments: 500, seconds: 0 }, null],
    [{ backlog: 500, assignments: 500, seconds: 2 }, 250],
  ])('drain %j gives %p assignments/s', (drain, expected) => {
    expect(drainRate(drain)).toBe(expected);
  });

  it('takes intake and sustained assignments from the max phase', () => {
    const rate = phase({ intakePerSecond: 200, assignmentsPerSecond: 200 });
    const max = phase({ kind: 'max', offeredPerSecond: null, intakePerSecond: 900, assignmentsPerSecond: 450 });
    const run = toEndToEndRun({ processes: 2, agents: 300, languages: 14 }, [rate, max], { backlog: 600, assignments: 600, seconds: 1.5 }, agents);
    expect(run).toMatchObject({
      processes: 2,
      intake: { requestsPerSecond: 900, latencyP50Ms: max.intakeLatencyMs.p50, latencyP99Ms: max.intakeLatencyMs.p99 },
      sustainedAssignmentsPerSecond: 450,
      drainAssignmentsPerSecond: 400,
    });
  });

  it('falls back to the highest offered rate without a max phase', () => {
    const phases = [phase({ offeredPerSecond: 400, assignmentsPerSecond: 390 }), phase({ offeredPerSecond: 100, assignmentsPerSecond: 100 })];
    expect(toEndToEndRun({ processes: 1, agents: 1, languages: 1 }, phases, null, agents).sustainedAssignmentsPerSecond).toBe(390);
  });

  it('refuses a run without phases', () => {
    expect(() => toEndToEndRun({ processes: 1, agents: 1, languages: 1 }, [], null, agents)).toThrow('at least one phase');
  });
});
