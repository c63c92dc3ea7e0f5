import { Injectable, OnModuleInit } from '@nestjs/common';
import { TransactionRunner } from '../../database/transaction-runner';
import { EventsService } from '../../events/events.service';
import { PeriodicWork } from '../../periodic/periodic-work.service';
import { unroutableReason } from './unroutable-reason';
import { UnroutableWorkRepository } from './unroutable-work.repository';

export interface UnroutablePassResult {
  flagged: number;
  unflagged: number;
}

/**
 * Work nobody on the roster can take (surge-desk.md): every UNROUTABLE_CHECK_INTERVAL_MS the elected
 * process flags the queued conversations no agent on the roster fits and unflags the rest, set-based
 * in one transaction. A sign-in unflags what that agent fits at once. Each episode (from flagged to
 * unflagged) records one conversation.unroutable event.
 */
@Injectable()
export class UnroutableWorkService implements OnModuleInit {
  constructor(
    private readonly repository: UnroutableWorkRepository,
    private readonly transactions: TransactionRunner,
    private readonly events: EventsService,
    private readonly periodic: PeriodicWork,
  ) {}

  onModuleInit(): void {
    this.periodic.register('flagUnroutableWork', async () => {
      await this.flagUnroutableWork();
    });
  }

  async flagUnroutableWork(): Promise<UnroutablePassResult> {
    return this.transactions.run(async (manager) => {
      const stuck = await this.repository.findStuck(manager);
      const reasons = new Map(stuck.map((gap) => [gap.conversationId, unroutableReason(gap)]));
      const flagged = await this.repository.flag(manager, reasons);
      for (const { conversationId, language, reason } of flagged) {
        await this.events.record(
          { type: 'conversation.unroutable', actorId: null, subjectType: 'conversation', subjectId: conversationId, payload: { language, reason } },
          manager,
        );
      }
      const unflagged = await this.repository.unflagAllBut(manager, [...reasons.keys()]);
      return { flagged: flagged.length, unflagged };
    });
  }

  /** After an agent signed in (committed): what it fits is routable again. */
  unflagWorkFor(agentId: string): Promise<number> {
    return this.repository.unflagFittingAgent(agentId);
  }
}
