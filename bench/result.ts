import type { ReplayBench } from './replay/replay-bench';
import { BenchProfile, PhaseConfig, ProfileName } from './profiles';
import { Distribution, ratio } from './stats';

/** The JSON a run writes to bench/results/; docs/benchmarks.md and the terminal tables are made from it. */

export interface MachineFacts {
  cpus: number;
  cpuModel: string;
  memoryGb: number;
  /** 1-minute load average when the run started: other work on the machine skews every figure */
  loadAverageAtStart: number;
  /** 1-minute load average sampled every few seconds while the run went on */
  loadAverageDuringRun: { mean: number; max: number };
  os: string;
  node: string;
  postgres: string;
  redis: string;
}

/** assignment: the routing ceiling; assignment+notify: the same with the pg_notify the service's event trail adds */
export type PgbenchScript = 'assignment' | 'assignment+notify';

export interface PgbenchRun {
  script: PgbenchScript;
  clients: number;
  seconds: number;
  transactions: number;
  tps: number;
  latencyAverageMs: number;
}

export interface SetBasedCycleRun {
  clients: number;
  seconds: number;
  transactions: number;
  tps: number;
  latencyAverageMs: number;
  /** conversations taken through intake, assignment and resolve (resolved rows) during the run */
  conversations: number;
  conversationsPerSecond: number;
}

/** The set-based full cycle (bench/baselines/set-based-cycle.ts): `batch` intakes, assignments and resolves per transaction. */
export interface SetBasedCycleBaseline {
  batch: number;
  runs: SetBasedCycleRun[];
  ceilingConversationsPerSecond: number;
}

export interface BullBaseline {
  jobs: number;
  concurrency: number;
  seconds: number;
  jobsPerSecond: number;
}

/** CPU time over a phase and the settle after it, ms per conversation the phase accepted (read from /proc) */
export interface CpuPerConversation {
  /** the service processes */
  service: number;
  /** the bench database's backends */
  postgres: number;
  /** the whole cluster: every database's backends and the auxiliary processes (WAL writer, checkpointer, autovacuum) */
  postgresCluster: number;
  /** the whole server: other clients of the same Redis count too */
  redis: number;
  /** service + the bench database's backends + Redis */
  total: number;
}

export interface PhaseResult {
  name: string;
  kind: PhaseConfig['kind'];
  /** null for the max and burst phases: they offer whatever the service accepts */
  offeredPerSecond: number | null;
  seconds: number;
  sent: number;
  accepted: number;
  failed: number;
  intakePerSecond: number;
  intakeLatencyMs: Distribution;
  /** assignments made while the phase ran (any conversation), per second */
  assignmentsPerSecond: number;
  /** the phase's conversations that reached an agent by the end of the settle that follows it */
  assigned: number;
  intakeToAssignedMs: Distribution;
  /** |estimatedWaitSeconds told at intake − intake→assigned|; null when no answer carried an estimate */
  waitEstimateErrorSeconds: WaitEstimateError | null;
  /** conversations still queued when the settle after the phase timed out; removed before the next phase */
  leftQueued: number;
  /** from the phase's start to the assignment of the last of its conversations; null when none was assigned (absent in results from before it) */
  lastAssignedAfterSeconds?: number | null;
  /** null when the servers are not on this machine (absent in results from before it) */
  cpuMsPerConversation?: CpuPerConversation | null;
}

export interface WaitEstimateError {
  count: number;
  p50: number;
  p90: number;
}

export interface EndToEndRun {
  processes: number;
  agents: number;
  languages: number;
  phases: PhaseResult[];
  intake: { requestsPerSecond: number; latencyP50Ms: number; latencyP99Ms: number };
  /** assignments per second while conversations were offered as fast as the service accepted them */
  sustainedAssignmentsPerSecond: number;
  /** assignments per second while the backlog left by the max phase drained (no intake running) */
  drainAssignmentsPerSecond: number | null;
  simulatedAgents: { pushed: number; listRequests: number; resolved: number; resolveRefused: number; errors: number };
}

export interface ExplainCapture {
  executionMs: number;
  planningMs: number;
  sharedHitBlocks: number;
  sharedReadBlocks: number;
  plan: string[];
}

export interface ScalingCell {
  agents: number;
  queued: number;
  decisionMs: Distribution;
  outcomes: { assigned: number; waiting: number; skipped: number };
  candidateQuery: ExplainCapture;
  conversationsFor: ExplainCapture & { callMs: Distribution };
}

export interface TargetCheck {
  name: string;
  target: string;
  measured: number | null;
  met: boolean | null;
}

export interface BenchResult {
  formatVersion: 1;
  profile: ProfileName;
  startedAt: string;
  finishedAt: string;
  durationSeconds: number;
  /** the commit measured; "+changes" when src or migrations had uncommitted changes */
  revision: string;
  machine: MachineFacts;
  config: BenchProfile;
  setup: { agents: string; tokens: string };
  baselines: {
    pgbench: { runs: PgbenchRun[]; ceilingTps: number; notifyCeilingTps: number };
    /** absent in results from before it */
    setBasedCycle?: SetBasedCycleBaseline;
    bull: BullBaseline;
  };
  endToEnd: EndToEndRun[];
  ratios: {
    assignmentsVsPgbench: Record<string, number | null>;
    /** sustained assignments/s ÷ the set-based full cycle's conversations/s (absent in results from before it) */
    assignmentsVsSetBasedCycle?: Record<string, number | null>;
    twoVsOneProcess: { intake: number | null; assignments: number | null };
  };
  scaling: { cells: ScalingCell[]; largestVsSmallestP50: number | null };
  targets: TargetCheck[];
  /** the replay's speed and the staffing model's check (absent in results from before it) */
  replay?: ReplayBench;
}

/** The best run of one script: the ceiling the service is compared with. */
export function ceilingTps(runs: PgbenchRun[], script: PgbenchScript = 'assignment'): number {
  return runs.filter((run) => run.script === script).reduce((best, run) => Math.max(best, run.tps), 0);
}

const runWith = (runs: EndToEndRun[], processes: number) => runs.find((run) => run.processes === processes);

export function computeRatios(ceilings: { pgbench: number; setBasedCycle: number }, runs: EndToEndRun[]): BenchResult['ratios'] {
  const against = (ceiling: number) =>
    Object.fromEntries(runs.map((run) => [`${run.processes}p`, ratio(run.sustainedAssignmentsPerSecond, ceiling)]));
  const one = runWith(runs, 1);
  const two = runWith(runs, 2);
  return {
    assignmentsVsPgbench: against(ceilings.pgbench),
    assignmentsVsSetBasedCycle: against(ceilings.setBasedCycle),
    twoVsOneProcess: {
      intake: ratio(two?.intake.requestsPerSecond, one?.intake.requestsPerSecond),
      assignments: ratio(two?.sustainedAssignmentsPerSecond, one?.sustainedAssignmentsPerSecond),
    },
  };
}

const cellAt = (cells: ScalingCell[], agents: number, queued: number) =>
  cells.find((cell) => cell.agents === agents && cell.queued === queued);

/** p50 decision time at the largest grid corner over the smallest: flat cost stays near 1. */
export function largestVsSmallest(cells: ScalingCell[]): number | null {
  if (cells.length === 0) return null;
  const maxAgents = Math.max(...cells.map((cell) => cell.agents));
  const maxQueued = Math.max(...cells.map((cell) => cell.queued));
  const minAgents = Math.min(...cells.map((cell) => cell.agents));
  const minQueued = Math.min(...cells.map((cell) => cell.queued));
  return ratio(cellAt(cells, maxAgents, maxQueued)?.decisionMs.p50, cellAt(cells, minAgents, minQueued)?.decisionMs.p50);
}

const check = (name: string, target: string, measured: number | null, holds: (value: number) => boolean): TargetCheck => ({
  name,
  target,
  measured,
  met: measured === null ? null : holds(measured),
});

/** The targets, judged on this run's figures; null when the run did not measure one (e.g. smoke). */
export function evaluateTargets(result: Pick<BenchResult, 'endToEnd' | 'ratios' | 'scaling'>): TargetCheck[] {
  const one = runWith(result.endToEnd, 1);
  const at200 = one?.phases.find((phase) => phase.kind === 'rate' && phase.offeredPerSecond === 200);
  const asFastAsAccepted = one?.phases.find((phase) => phase.kind === 'max');
  return [
    check('sustained assignments/s vs pgbench ceiling (1 process)', '>= 0.30', result.ratios.assignmentsVsPgbench['1p'] ?? null, (v) => v >= 0.3),
    check(
      'assignments/s ÷ accepted intake/s, as fast as accepted, 1 process (no starvation)',
      '>= 0.9',
      ratio(asFastAsAccepted?.assignmentsPerSecond, asFastAsAccepted?.intakePerSecond),
      (v) => v >= 0.9,
    ),
    check('intake requests/s, 1 process', '>= 1500', one?.intake.requestsPerSecond ?? null, (v) => v >= 1500),
    check(
      'p99 intake→assigned at 200/s offered, 1 process (ms)',
      '<= 50',
      at200 && at200.intakeToAssignedMs.count > 0 ? at200.intakeToAssignedMs.p99 : null,
      (v) => v <= 50,
    ),
    check(
      'service + Postgres + Redis CPU per conversation, as fast as accepted, 1 process (ms)',
      '<= 4',
      asFastAsAccepted?.cpuMsPerConversation?.total ?? null,
      (v) => v <= 4,
    ),
    check('2 processes ÷ 1, intake requests/s', '>= 1.6', result.ratios.twoVsOneProcess.intake, (v) => v >= 1.6),
    check('2 processes ÷ 1, sustained assignments/s', '>= 1.6', result.ratios.twoVsOneProcess.assignments, (v) => v >= 1.6),
    check('routing decision p50, largest grid corner ÷ smallest', '<= 2', result.scaling.largestVsSmallestP50, (v) => v <= 2),
  ];
}

/**
 * Names of the figures that are missing or not finite numbers; empty when the result has every
 * section. The CI smoke test uses it so a broken section cannot pass silently.
 */
export function missingFigures(result: BenchResult): string[] {
  const missing: string[] = [];
  const need = (path: string, value: unknown) => {
    if (typeof value !== 'number' || !Number.isFinite(value)) missing.push(path);
  };
  need('machine.cpus', result.machine?.cpus);
  for (const key of ['postgres', 'redis', 'node'] as const) if (!result.machine?.[key]) missing.push(`machine.${key}`);
  const runs = result.baselines?.pgbench?.runs ?? [];
  if (runs.length === 0) missing.push('baselines.pgbench.runs');
  runs.forEach((run, i) => need(`baselines.pgbench.runs[${i}].tps`, run.tps));
  need('baselines.pgbench.ceilingTps', result.baselines?.pgbench?.ceilingTps);
  need('baselines.pgbench.notifyCeilingTps', result.baselines?.pgbench?.notifyCeilingTps);
  need('baselines.setBasedCycle.ceilingConversationsPerSecond', result.baselines?.setBasedCycle?.ceilingConversationsPerSecond);
  need('baselines.bull.jobsPerSecond', result.baselines?.bull?.jobsPerSecond);
  if ((result.endToEnd ?? []).length === 0) missing.push('endToEnd');
  (result.endToEnd ?? []).forEach((run, i) => {
    need(`endToEnd[${i}].intake.requestsPerSecond`, run.intake?.requestsPerSecond);
    need(`endToEnd[${i}].intake.latencyP50Ms`, run.intake?.latencyP50Ms);
    need(`endToEnd[${i}].intake.latencyP99Ms`, run.intake?.latencyP99Ms);
    need(`endToEnd[${i}].sustainedAssignmentsPerSecond`, run.sustainedAssignmentsPerSecond);
    if ((run.phases ?? []).length === 0) missing.push(`endToEnd[${i}].phases`);
    (run.phases ?? []).forEach((phase, j) => {
      for (const key of ['p50', 'p95', 'p99'] as const) need(`endToEnd[${i}].phases[${j}].intakeToAssignedMs.${key}`, phase.intakeToAssignedMs?.[key]);
    });
  });
  if (!result.ratios?.assignmentsVsPgbench || Object.keys(result.ratios.assignmentsVsPgbench).length === 0) {
    missing.push('ratios.assignmentsVsPgbench');
  } else {
    for (const [key, value] of Object.entries(result.ratios.assignmentsVsPgbench)) need(`ratios.assignmentsVsPgbench.${key}`, value);
  }
  for (const [key, value] of Object.entries(result.ratios?.assignmentsVsSetBasedCycle ?? {})) need(`ratios.assignmentsVsSetBasedCycle.${key}`, value);
  if ((result.scaling?.cells ?? []).length === 0) missing.push('scaling.cells');
  (result.scaling?.cells ?? []).forEach((cell, i) => {
    need(`scaling.cells[${i}].decisionMs.p50`, cell.decisionMs?.p50);
    need(`scaling.cells[${i}].candidateQuery.executionMs`, cell.candidateQuery?.executionMs);
    need(`scaling.cells[${i}].conversationsFor.executionMs`, cell.conversationsFor?.executionMs);
  });
  need('scaling.largestVsSmallestP50', result.scaling?.largestVsSmallestP50);
  if ((result.targets ?? []).length === 0) missing.push('targets');
  return missing;
}
