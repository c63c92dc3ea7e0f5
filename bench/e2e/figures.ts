import { PhaseConfig, phaseName } from '../profiles';
import { CpuPerConversation, EndToEndRun, PhaseResult, WaitEstimateError } from '../result';
import { percentile, perSecond, summarize } from '../stats';
import { DriverPhaseResult, SimulatedAgentStats } from './driver-protocol';

/** What Postgres says about one phase, read after the queue settled. */
export interface StoredPhaseFigures {
  /** assignments whose assigned_at falls inside the phase's window */
  assignmentsDuringPhase: number;
  /** conversation id → intake→assigned, ms, of each of the phase's conversations that reached an agent */
  intakeToAssignedMs: Map<string, number>;
  /** when the last of the phase's conversations was first assigned (epoch ms); null when none was */
  lastAssignedAtMs: number | null;
}

/** A backlog smaller than this drains too fast to time; the drain rate is then not reported. */
export const MIN_DRAIN_BACKLOG = 50;

export function toPhaseResult(
  phase: PhaseConfig,
  driven: DriverPhaseResult,
  stored: StoredPhaseFigures,
  after: { leftQueued: number; cpuMsPerConversation: CpuPerConversation | null },
): PhaseResult {
  return {
    name: phaseName(phase),
    kind: phase.kind,
    offeredPerSecond: phase.kind === 'rate' ? phase.perSecond : null,
    seconds: Math.round(driven.seconds * 100) / 100,
    sent: driven.sent,
    accepted: driven.accepted,
    failed: driven.failed,
    intakePerSecond: perSecond(driven.accepted, driven.seconds),
    intakeLatencyMs: driven.intakeLatencyMs,
    assignmentsPerSecond: perSecond(stored.assignmentsDuringPhase, driven.seconds),
    assigned: stored.intakeToAssignedMs.size,
    intakeToAssignedMs: summarize([...stored.intakeToAssignedMs.values()]),
    waitEstimateErrorSeconds: waitEstimateError(driven.estimatedWaits, stored.intakeToAssignedMs),
    leftQueued: after.leftQueued,
    lastAssignedAfterSeconds: stored.lastAssignedAtMs === null ? null : Math.round((stored.lastAssignedAtMs - driven.startedAtMs) / 10) / 100,
    cpuMsPerConversation: after.cpuMsPerConversation,
  };
}

/**
 * How far the wait told at intake was from the wait that followed (intake→assigned): the median and
 * p90 of the absolute error over the conversations that had an estimate and reached an agent.
 */
export function waitEstimateError(estimatedWaits: Record<string, number>, intakeToAssignedMs: Map<string, number>): WaitEstimateError | null {
  const errors = Object.entries(estimatedWaits).flatMap(([conversationId, estimated]) => {
    const actualMs = intakeToAssignedMs.get(conversationId);
    return actualMs === undefined ? [] : [Math.abs(estimated - actualMs / 1000)];
  });
  if (errors.length === 0) return null;
  const sorted = errors.sort((a, b) => a - b);
  const round = (seconds: number) => Math.round(seconds * 100) / 100;
  return { count: sorted.length, p50: round(percentile(sorted, 50)), p90: round(percentile(sorted, 90)) };
}

export interface DrainFigures {
  backlog: number;
  assignments: number;
  seconds: number;
}

export function drainRate(drain: DrainFigures | null): number | null {
  if (!drain || drain.backlog < MIN_DRAIN_BACKLOG || drain.seconds <= 0) return null;
  return perSecond(drain.assignments, drain.seconds);
}

/**
 * Intake and sustained assignment figures come from the phase that offered as fast as the service
 * accepted; without one (a profile of rate phases only) from the highest offered rate.
 */
export function toEndToEndRun(
  setting: { processes: number; agents: number; languages: number },
  phases: PhaseResult[],
  drain: DrainFigures | null,
  simulatedAgents: SimulatedAgentStats,
): EndToEndRun {
  if (phases.length === 0) throw new Error('an end-to-end run needs at least one phase');
  const saturating =
    phases.find((phase) => phase.kind === 'max') ??
    phases.reduce((best, phase) => ((phase.offeredPerSecond ?? 0) > (best.offeredPerSecond ?? 0) ? phase : best));
  return {
    ...setting,
    phases,
    intake: {
      requestsPerSecond: saturating.intakePerSecond,
      latencyP50Ms: saturating.intakeLatencyMs.p50,
      latencyP99Ms: saturating.intakeLatencyMs.p99,
    },
    sustainedAssignmentsPerSecond: saturating.assignmentsPerSecond,
    drainAssignmentsPerSecond: drainRate(drain),
    simulatedAgents,
  };
}
