import { InjectQueue } from '@nestjs/bull';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { Job, Queue } from 'bull';
import { CapacityService } from './capacity.service';
import { RoutingDemand } from './pump/routing-demand';
import { ReconcilerService } from './reconciler.service';
import { EscalatePayload, ReclaimUnansweredPayload, ReconcilePayload, ROUTING_QUEUE, RoutingJob, ServeAgentPayload } from './routing.queue';

/**
 * Bull workers of the routing queue, which holds the timers (escalations, take-backs, serving an
 * agent whose shift starts later) and full reconciles: a timer that comes due hands its decision to
 * the routing pump. Handlers are registered here rather than with @Process to set their concurrency.
 */
@Injectable()
export class RoutingProcessor implements OnModuleInit {
  constructor(
    @InjectQueue(ROUTING_QUEUE) private readonly queue: Queue,
    private readonly demand: RoutingDemand,
    private readonly capacity: CapacityService,
    private readonly reconciler: ReconcilerService,
  ) {}

  onModuleInit(): void {
    void this.queue.process(RoutingJob.escalate, 2, async (job: Job<EscalatePayload>) => this.demand.decide([job.data.conversationId]));
    void this.queue.process(RoutingJob.serveAgent, 2, async (job: Job<ServeAgentPayload>) => this.demand.serve(job.data.agentId));
    void this.queue.process(RoutingJob.reclaimUnanswered, 2, (job: Job<ReclaimUnansweredPayload>) =>
      this.capacity.reclaimUnanswered(job.data.conversationId, job.data.assignmentId),
    );
    void this.queue.process(RoutingJob.reconcile, 1, (job: Job<ReconcilePayload>) => this.reconciler.reconcile(job.data));
  }
}
