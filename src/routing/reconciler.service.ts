import { InjectQueue } from '@nestjs/bull';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Queue } from 'bull';
import { AppConfigService } from '../config/app-config.service';
import { CapacityService } from './capacity.service';
import { RoutingScheduler } from './routing-scheduler';
import { ReconcilePayload, ROUTING_JOB_OPTIONS, ROUTING_QUEUE, RoutingJob } from './routing.queue';
import { WaitingWorkRepository } from './waiting-work.repository';

/** Upper bound of rows one reconcile pass handles per kind; the next pass takes the rest. */
const RECONCILE_BATCH = 5000;

/**
 * Postgres is the truth and Redis may lose jobs (flush, crash). The reconciler rebuilds routing
 * work from Postgres: at start every queued conversation, and periodically every agent with room,
 * every escalation and every reclaim whose time has come, and every conversation decided under an
 * older ruleset.
 */
@Injectable()
export class ReconcilerService implements OnApplicationBootstrap {
  private readonly logger = new Logger(ReconcilerService.name);

  constructor(
    @InjectQueue(ROUTING_QUEUE) private readonly queue: Queue,
    private readonly waiting: WaitingWorkRepository,
    private readonly scheduler: RoutingScheduler,
    private readonly capacity: CapacityService,
    private readonly config: AppConfigService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // A fixed repeat key: several processes register the same schedule once.
    await this.queue.add(RoutingJob.reconcile, { full: false } satisfies ReconcilePayload, {
      ...ROUTING_JOB_OPTIONS,
      jobId: 'reconcile',
      repeat: { every: this.config.get('RECONCILE_INTERVAL_MS') },
    });
    await this.queue.add(RoutingJob.reconcile, { full: true } satisfies ReconcilePayload, ROUTING_JOB_OPTIONS);
  }

  async reconcile({ full }: ReconcilePayload): Promise<void> {
    if (full) {
      await this.scheduler.routeConversations(await this.waiting.queuedConversations(RECONCILE_BATCH));
    } else {
      // Rules change at run time: waiting work is decided again under the new ruleset.
      await this.scheduler.routeConversations(await this.waiting.decidedUnderOlderRules(RECONCILE_BATCH));
      // A routing job decides within moments; one queued longer than a pass without a decision lost its job.
      const lostBefore = new Date(Date.now() - this.config.get('RECONCILE_INTERVAL_MS'));
      await this.scheduler.routeConversations(await this.waiting.undecidedSince(lostBefore, RECONCILE_BATCH));
    }
    await this.scheduler.routeConversations(await this.waiting.escalationsDue(RECONCILE_BATCH));
    for (const { conversationId, assignmentId } of await this.waiting.reclaimsDue(RECONCILE_BATCH)) {
      await this.capacity.reclaimUnanswered(conversationId, assignmentId);
    }
    // Only a conversation a decision left waiting needs agents with room to come looking for it.
    const agents = (await this.waiting.anyAwaitingAgent()) ? await this.waiting.agentsWithRoom() : [];
    for (const agentId of agents) await this.scheduler.serveAgent(agentId);
    this.logger.debug(`reconciled (full=${full}, agents with room=${agents.length})`);
  }
}
