import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { CapacityService } from '../capacity.service';
import { RoutingService } from '../routing.service';
import { RoutingDemand } from './routing-demand';

/**
 * The conversations a pump turn takes by name and from the queue, each, while it keeps up: enough to share a lock
 * statement and a commit between many decisions, few enough that the agents it claims are not held long.
 */
export const PUMP_BATCH = 50;

/**
 * The most a turn takes, each, while it falls behind. Under a burst every statement of a turn waits for an event loop
 * crowded by intake, so the pump keeps pace only by deciding more per turn: a turn that took all it could (more was
 * asked for by name, or the scan was full) doubles the next one up to this; the first that did not goes back to
 * PUMP_BATCH.
 */
export const PUMP_BATCH_MAX = 400;

/** What one turn of the pump does: serve the agents, then decide the named conversations and, when due, the oldest undecided ones. */
interface Turn {
  agents: string[];
  scan: boolean;
  named: string[];
}

/** A failed turn (Postgres unreachable) is tried again after this pause rather than in a busy loop. */
const RETRY_AFTER_FAILURE_MS = 1000;

/** Conversations another transaction held locked are asked for again after this pause: its commit is near. */
const RETRY_LOCKED_ELSEWHERE_MS = 50;

/**
 * Decides routing in sets, off the request path, one turn at a time per process: each turn locks
 * the conversations asked for by name and the oldest undecided ones of the queue (SKIP LOCKED, so
 * the pumps of several processes share the queue without waiting on each other), decides them in
 * one transaction on the routing pool, after serving the agents who gained room. It runs while
 * RoutingDemand has anything for it and sleeps otherwise; the periodic reconcile asks again for
 * anything a lost request left behind.
 */
@Injectable()
export class RoutingPump implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(RoutingPump.name);
  private running: Promise<void> | null = null;
  private stopped = false;
  private retryTimer: NodeJS.Timeout | undefined;
  private readonly lockedElsewhereTimers = new Set<NodeJS.Timeout>();
  private batchLimit = PUMP_BATCH;

  constructor(
    private readonly demand: RoutingDemand,
    private readonly routing: RoutingService,
    private readonly capacity: CapacityService,
  ) {}

  onModuleInit(): void {
    this.demand.onDemand(() => this.start());
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    for (const timer of this.lockedElsewhereTimers) clearTimeout(timer);
    await this.running;
  }

  private start(): void {
    if (this.running || this.stopped || this.retryTimer) return;
    // From the next turn of the event loop: requests made in the same moment share a turn.
    const nextTick = new Promise((resolve) => setImmediate(resolve));
    this.running = nextTick
      .then(() => this.drain())
      .finally(() => {
        this.running = null;
        // A request made after the last turn's check, while the pump was finishing, found it still running.
        if (this.demand.pending) this.start();
      });
  }

  private async drain(): Promise<void> {
    while (!this.stopped && this.demand.pending) {
      const turn: Turn = {
        agents: this.demand.takeAgents(),
        scan: this.demand.takeQueueScan(),
        named: this.demand.takeConversations(this.batchLimit),
      };
      try {
        await this.take(turn);
      } catch (error) {
        this.logger.warn(`routing turn failed, tried again in ${RETRY_AFTER_FAILURE_MS} ms: ${(error as Error).message}`);
        // What the turn had not done yet is asked for again.
        for (const agentId of turn.agents) this.demand.serve(agentId);
        if (turn.scan) this.demand.queueGrew();
        this.demand.decide(turn.named);
        this.retryTimer = setTimeout(() => {
          this.retryTimer = undefined;
          this.start();
        }, RETRY_AFTER_FAILURE_MS);
        return;
      }
    }
  }

  private async take(turn: Turn): Promise<void> {
    // Room that was freed goes first to the conversations that waited for it, not to those that just arrived.
    if (turn.agents.length > 0) await this.capacity.serveAgents(turn.agents);
    // Served: should the rest of the turn fail, they are not asked for again.
    turn.agents = [];
    const { scan, named } = turn;
    if (scan || named.length > 0) {
      const batch = await this.routing.routeBatch(named, scan ? this.batchLimit : 0);
      // A full scan may have left more behind it; a lost race leaves its conversation undecided.
      if (batch.queueMayHoldMore) this.demand.queueGrew();
      const tookAll = batch.queueMayHoldMore || named.length >= this.batchLimit;
      this.batchLimit = tookAll ? Math.min(this.batchLimit * 2, PUMP_BATCH_MAX) : PUMP_BATCH;
      this.demand.decide(batch.lostRaces);
      if (batch.lockedElsewhere.length > 0) this.askAgainSoon(batch.lockedElsewhere);
    }
  }

  private askAgainSoon(conversationIds: string[]): void {
    const timer = setTimeout(() => {
      this.lockedElsewhereTimers.delete(timer);
      this.demand.decide(conversationIds);
    }, RETRY_LOCKED_ELSEWHERE_MS);
    this.lockedElsewhereTimers.add(timer);
  }
}
