import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CommitEffects } from '../database/commit-effects';
import { EventsService } from '../events/events.service';
import { QueueReturnRepository, ReturnReason } from './queue-return.repository';
import { RoutingScheduler } from './routing-scheduler';

/** Why an agent stops working. */
export type OffDutyReason = 'requested' | 'shift_ended' | 'suspended' | 'surge_ended';

const RETURN_REASONS: Record<OffDutyReason, ReturnReason> = {
  requested: 'signed_out',
  shift_ended: 'signed_out',
  suspended: 'suspended',
  surge_ended: 'surge_ended',
};

/**
 * The one way an agent stops working, whatever the reason: signed out (with `agent.signed_out` when
 * it was signed in), its open conversations back to the queue keeping their age (one
 * `conversation.requeued` each), all in the caller's transaction, which holds the agent's row lock;
 * those conversations are routed again once it commits.
 */
@Injectable()
export class OffDutyService {
  constructor(
    private readonly queueReturn: QueueReturnRepository,
    private readonly events: EventsService,
    private readonly routing: RoutingScheduler,
  ) {}

  async takeOffDuty(manager: EntityManager, effects: CommitEffects, agentId: string, reason: OffDutyReason, actorId: string | null): Promise<void> {
    if (await this.queueReturn.signOut(manager, agentId)) {
      await this.events.record({ type: 'agent.signed_out', actorId, subjectType: 'agent', subjectId: agentId, payload: { reason } }, manager);
    }
    const returnReason = RETURN_REASONS[reason];
    const returned = await this.queueReturn.returnAgentConversations(manager, agentId, returnReason);
    for (const { conversationId } of returned) {
      await this.events.record(
        { type: 'conversation.requeued', actorId, subjectType: 'conversation', subjectId: conversationId, payload: { reason: returnReason, agentId } },
        manager,
      );
    }
    const requeued = returned.map(({ conversationId }) => conversationId);
    if (requeued.length > 0) effects.add('route work of an agent gone off duty', () => this.routing.routeConversations(requeued));
  }
}
