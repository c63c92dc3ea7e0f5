import { InjectQueue } from '@nestjs/bull';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { Job, Queue } from 'bull';
import { AppConfigService } from '../config/app-config.service';
import { CapacityService } from './capacity.service';
import { ReconcilerService } from './reconciler.service';
import {
  EscalatePayload,
  ReclaimUnansweredPayload,
  ReconcilePayload,
  RouteConversationPayload,
  ROUTING_QUEUE,
  RoutingJob,
  ServeAgentPayload,
} from './routing.queue';
import { RoutingBatcher } from './routing-batcher';
import { RoutingService } from './routing.service';

/**
 * Bull workers of the routing queue: read the payload, call the service, return. Handlers are
 * registered here rather than with @Process so their concurrency comes from validated config.
 */
@Injectable()
export class RoutingProcessor implements OnModuleInit {
  constructor(
    @InjectQueue(ROUTING_QUEUE) private readonly queue: Queue,
    private readonly routing: RoutingService,
    private readonly batcher: RoutingBatcher,
    private readonly capacity: CapacityService,
    private readonly reconciler: ReconcilerService,
    private readonly config: AppConfigService,
  ) {}

  onModuleInit(): void {
    const concurrency = this.config.get('ROUTING_CONCURRENCY');
    void this.queue.process(RoutingJob.routeConversation, concurrency, (job: Job<RouteConversationPayload>) =>
      this.batcher.route(job.data.conversationId),
    );
    void this.queue.process(RoutingJob.escalate, 2, (job: Job<EscalatePayload>) =>
      this.routing.routeConversation(job.data.conversationId),
    );
    void this.queue.process(RoutingJob.serveAgent, Math.max(1, Math.floor(concurrency / 2)), (job: Job<ServeAgentPayload>) =>
      this.capacity.serveAgent(job.data.agentId),
    );
    void this.queue.process(RoutingJob.reclaimUnanswered, 2, (job: Job<ReclaimUnansweredPayload>) =>
      this.capacity.reclaimUnanswered(job.data.conversationId, job.data.assignmentId),
    );
    void this.queue.process(RoutingJob.reconcile, 1, (job: Job<ReconcilePayload>) => this.reconciler.reconcile(job.data));
  }
}
