import { PROFILES } from './profiles';
import { BenchResult, EndToEndRun, PhaseResult, ScalingCell } from './result';
import { Distribution } from './stats';

/** Fresh result objects for unit specs; every call returns new objects, overrides on top. */

export const distribution = (p50: number, overrides: Partial<Distribution> = {}): Distribution => ({
  count: 100,
  mean: p50,
  p50,
  p95: p50 * 2,
  p99: p50 * 3,
  max: p50 * 4,
  ...overrides,
});

export function phase(overrides: Partial<PhaseResult> = {}): PhaseResult {
  return {
    name: '200/s',
    kind: 'rate',
    offeredPerSecond: 200,
    seconds: 10,
    sent: 2000,
    accepted: 2000,
    failed: 0,
    intakePerSecond: 200,
    intakeLatencyMs: distribution(5),
    assignmentsPerSecond: 200,
    assigned: 2000,
    intakeToAssignedMs: distribution(10),
    waitEstimateErrorSeconds: { count: 2000, p50: 0.5, p90: 2 },
    leftQueued: 0,
    lastAssignedAfterSeconds: 10.2,
    cpuMsPerConversation: { service: 1.8, postgres: 1.1, postgresCluster: 1.4, redis: 0.3, total: 3.2 },
    ...overrides,
  };
}

export function maxPhase(overrides: Partial<PhaseResult> = {}): PhaseResult {
  return phase({
    name: 'max (32 in flight)',
    kind: 'max',
    offeredPerSecond: null,
    intakePerSecond: 1600,
    assignmentsPerSecond: 1500,
    cpuMsPerConversation: { service: 2, postgres: 1.2, postgresCluster: 1.5, redis: 0.3, total: 3.5 },
    ...overrides,
  });
}

export function endToEndRun(overrides: Partial<EndToEndRun> = {}): EndToEndRun {
  return {
    processes: 1,
    agents: 300,
    languages: 14,
    phases: [phase(), maxPhase()],
    intake: { requestsPerSecond: 1600, latencyP50Ms: 15, latencyP99Ms: 40 },
    sustainedAssignmentsPerSecond: 600,
    drainAssignmentsPerSecond: 700,
    simulatedAgents: { pushed: 950, listRequests: 1000, resolved: 900, resolveRefused: 0, errors: 0 },
    ...overrides,
  };
}

const explain = () => ({ executionMs: 0.2, planningMs: 0.3, sharedHitBlocks: 12, sharedReadBlocks: 0, plan: ['Limit', 'Execution Time: 0.2 ms'] });

export function scalingCell(agents: number, queued: number, p50: number): ScalingCell {
  return {
    agents,
    queued,
    decisionMs: distribution(p50),
    outcomes: { assigned: 100, waiting: 0, skipped: 0 },
    candidateQuery: explain(),
    conversationsFor: { ...explain(), callMs: distribution(0.5) },
  };
}

export function benchResult(overrides: Partial<BenchResult> = {}): BenchResult {
  return {
    formatVersion: 1,
    profile: 'full',
    startedAt: '2026-11-22T10:00:00.000Z',
    finishedAt: '2026-11-22T10:08:00.000Z',
    durationSeconds: 480,
    revision: 'abc1234',
    machine: {
      cpus: 2,
      cpuModel: 'Test CPU',
      memoryGb: 8,
      loadAverageAtStart: 0.5,
      loadAverageDuringRun: { mean: 3.1, max: 4.2 },
      os: 'Linux 6.1',
      node: 'v20.19.0',
      postgres: '15.20',
      redis: '7.0.15',
    },
    config: PROFILES.full,
    setup: { agents: 'SQL', tokens: 'minted' },
    baselines: {
      pgbench: {
        runs: [
          { script: 'assignment', clients: 4, seconds: 10, transactions: 10_000, tps: 1000, latencyAverageMs: 4 },
          { script: 'assignment+notify', clients: 4, seconds: 10, transactions: 4_000, tps: 400, latencyAverageMs: 10 },
        ],
        ceilingTps: 1000,
        notifyCeilingTps: 400,
      },
      setBasedCycle: {
        batch: 100,
        runs: [{ clients: 1, seconds: 10, transactions: 800, tps: 80, latencyAverageMs: 12.5, conversations: 8_000, conversationsPerSecond: 800 }],
        ceilingConversationsPerSecond: 800,
      },
      bull: { jobs: 1000, concurrency: 10, seconds: 1, jobsPerSecond: 1000 },
    },
    endToEnd: [endToEndRun()],
    ratios: {
      assignmentsVsPgbench: { '1p': 0.6 },
      assignmentsVsSetBasedCycle: { '1p': 0.75 },
      twoVsOneProcess: { intake: 1.7, assignments: 1.6 },
    },
    scaling: { cells: [scalingCell(100, 100, 2), scalingCell(10_000, 100_000, 3)], largestVsSmallestP50: 1.5 },
    targets: [{ name: 'x', target: '>= 1', measured: 2, met: true }],
    ...overrides,
  };
}
