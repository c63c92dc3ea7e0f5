import { PhaseConfig } from '../profiles';
import { Distribution } from '../stats';

/** Messages between the bench and its driver process (Node IPC). The bench decides; the driver sends load. */

export interface DriverAgent {
  id: string;
  token: string;
}

export interface DriverInit {
  type: 'init';
  baseUrls: string[];
  intakeSecret: string;
  agents: DriverAgent[];
  languages: string[];
  handlingMs: { min: number; max: number };
  catchUpMs: number;
}

export type ToDriver =
  | DriverInit
  | { type: 'start-agents' }
  | { type: 'phase'; tag: string; phase: PhaseConfig }
  | { type: 'stop' };

export interface DriverPhaseResult {
  tag: string;
  startedAtMs: number;
  endedAtMs: number;
  seconds: number;
  sent: number;
  accepted: number;
  failed: number;
  /** response status (or "error" for a failed connection) → count */
  statuses: Record<string, number>;
  intakeLatencyMs: Distribution;
  /** the open loop's worst lag behind its schedule: a large value means the driver itself could not keep up */
  maxScheduleLagMs: number;
  /** conversation id → the wait the intake answer estimated, seconds (answers without an estimate left out) */
  estimatedWaits: Record<string, number>;
}

export interface SimulatedAgentStats {
  /** assignments learned from the agents' work streams */
  pushed: number;
  listRequests: number;
  resolved: number;
  /** 403/404/409: the conversation was taken back or resolved between the list and the resolve */
  resolveRefused: number;
  errors: number;
}

export type FromDriver =
  | { type: 'ready' }
  | { type: 'progress'; tag: string; sent: number; accepted: number; failed: number; elapsedSeconds: number }
  | { type: 'phase-done'; result: DriverPhaseResult }
  | { type: 'stopped'; agents: SimulatedAgentStats }
  | { type: 'error'; message: string };
