import { InjectQueue } from '@nestjs/bull';
import { Injectable } from '@nestjs/common';
import { Queue } from 'bull';
import {
  EscalatePayload,
  ReclaimUnansweredPayload,
  RouteConversationPayload,
  ROUTING_JOB_OPTIONS,
  ROUTING_QUEUE,
  RoutingJob,
  ServeAgentPayload,
} from './routing.queue';

/**
 * Enqueues routing work. Call it only after the rows the job is about are committed: Postgres is
 * the truth, and the reconciler rebuilds any job that was lost.
 */
@Injectable()
export class RoutingScheduler {
  constructor(@InjectQueue(ROUTING_QUEUE) private readonly queue: Queue) {}

  async routeConversations(conversationIds: string[]): Promise<void> {
    if (conversationIds.length === 0) return;
    await this.queue.addBulk(
      conversationIds.map((conversationId) => ({
        name: RoutingJob.routeConversation,
        data: { conversationId } satisfies RouteConversationPayload,
        // The same conversation waiting twice would only be routed twice for nothing.
        opts: { ...ROUTING_JOB_OPTIONS, jobId: `route:${conversationId}` },
      })),
    );
  }

  /** The agent gained room (sign-in, resolve, back to available, more capacity). */
  async serveAgent(agentId: string): Promise<void> {
    await this.queue.add(RoutingJob.serveAgent, { agentId } satisfies ServeAgentPayload, ROUTING_JOB_OPTIONS);
  }

  async scheduleEscalation(conversationId: string, step: number, delayMs: number): Promise<void> {
    await this.queue.add(RoutingJob.escalate, { conversationId, step } satisfies EscalatePayload, {
      ...ROUTING_JOB_OPTIONS,
      delay: Math.max(0, delayMs),
      jobId: `escalate:${conversationId}:${step}`,
    });
  }

  async scheduleReclaim(conversationId: string, assignmentId: string, delayMs: number): Promise<void> {
    await this.queue.add(
      RoutingJob.reclaimUnanswered,
      { conversationId, assignmentId } satisfies ReclaimUnansweredPayload,
      { ...ROUTING_JOB_OPTIONS, delay: Math.max(0, delayMs), jobId: `reclaim:${assignmentId}` },
    );
  }
}
