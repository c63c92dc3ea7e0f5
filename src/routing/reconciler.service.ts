import { InjectQueue } from '@nestjs/bull';
import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { Queue } from 'bull';
import { AppConfigService } from '../config/app-config.service';
import { PeriodicPass } from '../periodic/periodic-tasks';
import { PeriodicWork } from '../periodic/periodic-work.service';
import { CapacityService } from './capacity.service';
import { RoutingScheduler } from './routing-scheduler';
import { ReconcilePayload, ROUTING_QUEUE } from './routing.queue';
import { WaitingWorkRepository } from './waiting-work.repository';

/** Upper bound of rows one reconcile pass handles per kind; the next pass takes the rest. */
const RECONCILE_BATCH = 5000;

/**
 * A key the reconciler keeps in Redis. When it is gone, Redis lost its data (a flush, a restart
 * without persistence) since the last pass, and with it every job: the next pass rebuilds them all.
 */
const REDIS_MARKER = 'reconciler:marker';

/**
 * Postgres is the truth and Redis may lose jobs (flush, crash). The reconciler rebuilds routing
 * work from Postgres on the elected process, every RECONCILE_INTERVAL_MS (PeriodicWork): every
 * agent with room, every escalation and every reclaim whose time has come, every conversation
 * decided under an older ruleset or queued a whole interval without a decision. A full pass also
 * re-routes every queued conversation: on the first pass of a newly elected process, after the
 * Bull connection to Redis (re)connects, and when Redis lost the reconciler's marker.
 */
@Injectable()
export class ReconcilerService implements OnModuleInit {
  private readonly logger = new Logger(ReconcilerService.name);
  private fullPassDue = true;
  /** Counts the Bull client's (re)connections to Redis; a pass that saw one begin during it is not enough. */
  private connections = 0;
  private repeatableJobsDropped = false;

  constructor(
    @InjectQueue(ROUTING_QUEUE) private readonly queue: Queue,
    private readonly waiting: WaitingWorkRepository,
    private readonly scheduler: RoutingScheduler,
    private readonly capacity: CapacityService,
    private readonly periodic: PeriodicWork,
    private readonly config: AppConfigService,
  ) {}

  onModuleInit(): void {
    this.periodic.register('reconcileRouting', (pass) => this.periodicPass(pass));
    // A reconnected Redis may be an empty one (restarted without persistence).
    this.queue.client.on('ready', () => {
      this.connections++;
      this.fullPassDue = true;
    });
  }

  async periodicPass({ newlyElected }: PeriodicPass): Promise<void> {
    if (newlyElected) this.fullPassDue = true;
    const connectionsBefore = this.connections;
    await this.dropRepeatableJobs();
    // Set only when missing: Redis lost it since it was set, by a flush before this pass or during
    // the last one (a marker written at the end of a pass would hide a flush in its middle).
    if ((await this.queue.client.set(this.markerKey(), String(Date.now()), 'NX')) === 'OK') this.fullPassDue = true;
    const full = this.fullPassDue;
    await this.reconcile({ full });
    // Only a pass that went through clears the need: a failed one is repeated in full.
    if (full && this.connections === connectionsBefore) this.fullPassDue = false;
  }

  async reconcile({ full }: ReconcilePayload): Promise<void> {
    if (full) {
      await this.scheduler.routeConversations(await this.waiting.queuedConversations(RECONCILE_BATCH));
    } else {
      // Rules change at run time: waiting work is decided again under the new ruleset.
      await this.scheduler.routeConversations(await this.waiting.decidedUnderOlderRules(RECONCILE_BATCH));
      // The pump decides within moments; one queued longer than a pass without a decision lost its wake-up.
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
    if (full) this.logger.log(`full reconcile pass: every queued conversation re-routed, ${agents.length} agent(s) with room served`);
  }

  private markerKey(): string {
    return `${this.config.get('BULL_PREFIX')}:${REDIS_MARKER}`;
  }

  /** Earlier versions scheduled the reconcile as a repeatable Bull job; such a schedule must not outlive them. */
  private async dropRepeatableJobs(): Promise<void> {
    if (this.repeatableJobsDropped) return;
    for (const job of await this.queue.getRepeatableJobs()) await this.queue.removeRepeatableByKey(job.key);
    this.repeatableJobsDropped = true;
  }
}
