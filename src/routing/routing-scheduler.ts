import { InjectQueue } from '@nestjs/bull';
import { Injectable } from '@nestjs/common';
import { Queue } from 'bull';
import { RoutingDemand } from './pump/routing-demand';
import { RoutingWakeBroadcast } from './pump/routing-wake-broadcast';
import { EscalatePayload, ReclaimUnansweredPayload, ReconcilePayload, ROUTING_JOB_OPTIONS, ROUTING_QUEUE, RoutingJob, ServeAgentPayload } from './routing.queue';
import { WaitingWorkRepository } from './waiting-work.repository';

/**
 * Asks for routing work: decisions now go to this process's routing pump (and wake the others'),
 * timers to Bull. Call it only after the rows the work is about are committed: Postgres is the
 * truth, and the reconciler redoes any work whose request was lost.
 */
@Injectable()
export class RoutingScheduler {
  constructor(
    @InjectQueue(ROUTING_QUEUE) private readonly queue: Queue,
    private readonly waiting: WaitingWorkRepository,
    private readonly demand: RoutingDemand,
    private readonly broadcast: RoutingWakeBroadcast,
  ) {}

  /** The conversations are (back) in the queue, or due for a new decision. */
  async routeConversations(conversationIds: string[]): Promise<void> {
    if (conversationIds.length === 0) return;
    this.demand.decide(conversationIds);
    this.broadcast.queueGrew();
  }

  /**
   * Something changed for everyone (surge on or off changes which rules match): re-route every
   * queued conversation and serve every agent with room, from Postgres.
   */
  async reconcileNow(): Promise<void> {
    await this.queue.add(RoutingJob.reconcile, { full: true } satisfies ReconcilePayload, ROUTING_JOB_OPTIONS);
  }

  /** The agent gained room (sign-in, resolve, back to available, more capacity), now or at `at`. */
  async serveAgent(agentId: string, at?: Date): Promise<void> {
    const delay = at ? at.getTime() - Date.now() : 0;
    if (delay <= 0) return this.demand.serve(agentId);
    await this.queue.add(RoutingJob.serveAgent, { agentId } satisfies ServeAgentPayload, { ...ROUTING_JOB_OPTIONS, delay });
  }

  /**
   * The agent gained room just now (its change is committed): serve it only if a decision left work
   * waiting for an agent. Any decision made after this check sees the room itself.
   */
  async serveAgentIfWorkWaits(agentId: string): Promise<void> {
    if (await this.waiting.anyAwaitingAgent()) await this.serveAgent(agentId);
  }

  async scheduleEscalation(conversationId: string, at: Date): Promise<void> {
    await this.queue.add(RoutingJob.escalate, { conversationId } satisfies EscalatePayload, {
      ...ROUTING_JOB_OPTIONS,
      delay: Math.max(0, at.getTime() - Date.now()),
      jobId: `escalate:${conversationId}:${at.getTime()}`,
    });
  }

  async scheduleReclaim(conversationId: string, assignmentId: string, at: Date): Promise<void> {
    await this.queue.add(
      RoutingJob.reclaimUnanswered,
      { conversationId, assignmentId } satisfies ReclaimUnansweredPayload,
      { ...ROUTING_JOB_OPTIONS, delay: Math.max(0, at.getTime() - Date.now()), jobId: `reclaim:${assignmentId}` },
    );
  }
}
