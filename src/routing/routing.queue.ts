import { JobOptions } from 'bull';

export const ROUTING_QUEUE = 'routing';

export const RoutingJob = {
  serveAgent: 'serve-agent',
  escalate: 'escalate',
  reclaimUnanswered: 'reclaim-unanswered',
  reconcile: 'reconcile',
} as const;

export interface ServeAgentPayload {
  agentId: string;
}

export interface EscalatePayload {
  conversationId: string;
}

export interface ReclaimUnansweredPayload {
  conversationId: string;
  assignmentId: string;
}

export const ROUTING_JOB_OPTIONS: JobOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 200 },
  removeOnComplete: true,
  // Failed jobs stay in Redis for inspection; the conversation stays queued in Postgres.
  removeOnFail: 1000,
};

export interface ReconcilePayload {
  /** also re-enqueue every queued conversation (at start, when Redis may have lost everything) */
  full: boolean;
}
