/** How big each part of a run is. `full` fills docs/benchmarks.md; `quick` is the same in a few minutes; `smoke` is for CI. */

export type ProfileName = 'full' | 'quick' | 'smoke';

export interface RatePhaseConfig {
  kind: 'rate';
  /** conversations offered per second, open loop: sent on schedule whether or not earlier ones returned */
  perSecond: number;
  seconds: number;
}

export interface MaxPhaseConfig {
  kind: 'max';
  /** requests kept in flight (closed loop): as fast as the service accepts them */
  inFlight: number;
  seconds: number;
}

export interface BurstPhaseConfig {
  kind: 'burst';
  /** the backlog: this many conversations posted as fast as the service accepts them, then no more */
  conversations: number;
  inFlight: number;
  /** the wait for the backlog to be assigned, which takes far longer than posting it */
  settleTimeoutMs: number;
}

export type PhaseConfig = RatePhaseConfig | MaxPhaseConfig | BurstPhaseConfig;

export interface BenchProfile {
  name: ProfileName;
  pgbench: { clients: number[]; seconds: number };
  /** the set-based full cycle (bench/baselines/set-based-cycle.ts) */
  setBasedCycle: { clients: number[]; seconds: number };
  bull: { jobs: number; concurrency: number };
  endToEnd: {
    processCounts: number[];
    agents: number;
    languages: number;
    capacity: { min: number; max: number };
    /** unmeasured load before the first phase, so pools, prepared statements and caches are warm when it starts */
    warmUp: RatePhaseConfig;
    phases: PhaseConfig[];
    /** how long a simulated agent works on a conversation before resolving it */
    handlingMs: { min: number; max: number };
    /** how often a simulated agent lists its conversations besides listening to its work stream */
    catchUpMs: number;
    /** longest wait for the queue to empty between phases and after the last one */
    settleTimeoutMs: number;
  };
  scaling: { agents: number[]; queued: number[]; decisions: number; warmup: number; serveCalls: number };
}

const FULL: BenchProfile = {
  name: 'full',
  pgbench: { clients: [4, 8], seconds: 10 },
  setBasedCycle: { clients: [1, 2], seconds: 10 },
  bull: { jobs: 20_000, concurrency: 10 },
  endToEnd: {
    processCounts: [1, 2],
    agents: 300,
    languages: 14,
    capacity: { min: 2, max: 10 },
    warmUp: { kind: 'rate', perSecond: 100, seconds: 5 },
    phases: [
      { kind: 'rate', perSecond: 50, seconds: 15 },
      { kind: 'rate', perSecond: 100, seconds: 15 },
      { kind: 'rate', perSecond: 200, seconds: 15 },
      { kind: 'rate', perSecond: 400, seconds: 15 },
      { kind: 'max', inFlight: 64, seconds: 20 },
      { kind: 'burst', conversations: 10_000, inFlight: 64, settleTimeoutMs: 180_000 },
    ],
    handlingMs: { min: 300, max: 1500 },
    catchUpMs: 30_000,
    settleTimeoutMs: 60_000,
  },
  scaling: { agents: [100, 1_000, 10_000], queued: [100, 10_000, 100_000], decisions: 150, warmup: 10, serveCalls: 20 },
};

const QUICK: BenchProfile = {
  ...FULL,
  name: 'quick',
  pgbench: { clients: [4, 8], seconds: 2 },
  setBasedCycle: { clients: [1, 2], seconds: 2 },
  bull: { jobs: 5_000, concurrency: 10 },
  endToEnd: {
    ...FULL.endToEnd,
    warmUp: { kind: 'rate', perSecond: 100, seconds: 2 },
    phases: [
      { kind: 'rate', perSecond: 200, seconds: 4 },
      { kind: 'max', inFlight: 64, seconds: 4 },
      // A fifth of the full backlog: its drain alone would take most of the quick profile's time.
      { kind: 'burst', conversations: 2_000, inFlight: 64, settleTimeoutMs: 60_000 },
    ],
    settleTimeoutMs: 5_000,
  },
  // The grid's corners only: enough for the largest ÷ smallest check.
  scaling: { agents: [100, 10_000], queued: [100, 100_000], decisions: 20, warmup: 5, serveCalls: 5 },
};

const SMOKE: BenchProfile = {
  name: 'smoke',
  pgbench: { clients: [4, 8], seconds: 1 },
  setBasedCycle: { clients: [1], seconds: 1 },
  bull: { jobs: 300, concurrency: 10 },
  endToEnd: {
    processCounts: [1],
    agents: 10,
    languages: 2,
    capacity: { min: 2, max: 10 },
    warmUp: { kind: 'rate', perSecond: 10, seconds: 1 },
    phases: [
      { kind: 'rate', perSecond: 20, seconds: 2 },
      { kind: 'max', inFlight: 4, seconds: 2 },
      { kind: 'burst', conversations: 40, inFlight: 4, settleTimeoutMs: 10_000 },
    ],
    handlingMs: { min: 50, max: 200 },
    catchUpMs: 1000,
    settleTimeoutMs: 10_000,
  },
  scaling: { agents: [10, 50], queued: [20, 200], decisions: 5, warmup: 2, serveCalls: 2 },
};

export const PROFILES: Record<ProfileName, BenchProfile> = { full: FULL, quick: QUICK, smoke: SMOKE };

export function phaseName(phase: PhaseConfig): string {
  switch (phase.kind) {
    case 'rate':
      return `${phase.perSecond}/s`;
    case 'max':
      return `max (${phase.inFlight} in flight)`;
    case 'burst':
      return `burst of ${phase.conversations.toLocaleString('en-US')}`;
  }
}
