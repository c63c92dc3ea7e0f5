import { Injectable } from '@nestjs/common';
import { AppConfigService } from '../config/app-config.service';
import { RoutingTransactionRunner } from '../database/routing-data-source';
import { EventsService } from '../events/events.service';
import { AssignmentRepository } from './assignment.repository';
import { QueueReturnRepository } from './queue-return.repository';
import { RoutingService } from './routing.service';
import { WaitingWorkRepository } from './waiting-work.repository';

/** Rounds of "take what you can" per trigger; each round routes up to the agents' free slots. */
const SERVE_ROUNDS = 3;

/** Work that follows from an agent's capacity: filling free slots, taking back unanswered work. */
@Injectable()
export class CapacityService {
  constructor(
    private readonly routing: RoutingService,
    private readonly waiting: WaitingWorkRepository,
    private readonly assignments: AssignmentRepository,
    private readonly queueReturn: QueueReturnRepository,
    private readonly transactions: RoutingTransactionRunner,
    private readonly events: EventsService,
    private readonly config: AppConfigService,
  ) {}

  /**
   * The agents have room: the waiting conversations any of them can take, as many as their free slots
   * together, are routed together, highest priority first, then oldest first, in one read and one
   * decision however many agents gained room. Each still gets a full decision, so an even better
   * placed agent may win it; the next round reads again for those still with room.
   */
  async serveAgents(agentIds: string[]): Promise<number> {
    let assigned = 0;
    for (let round = 0; round < SERVE_ROUNDS; round++) {
      const free = await this.waiting.freeSlots(agentIds);
      if (free <= 0) break;
      const outcomes = await this.routing.routeConversations(await this.waiting.conversationsFor(agentIds, free));
      const assignedThisRound = [...outcomes.values()].filter((outcome) => outcome.kind === 'assigned').length;
      assigned += assignedThisRound;
      if (assignedThisRound === 0) break;
    }
    return assigned;
  }

  /**
   * reassignAfterSeconds passed with no reply from the assigned agent: back to the queue, not to that
   * agent for UNRESPONSIVE_EXCLUSION_MINUTES or until it signs in again.
   */
  async reclaimUnanswered(conversationId: string, assignmentId: string): Promise<boolean> {
    const agentId = await this.transactions.run(async (manager) => {
      const unanswered = await this.assignments.lockUnanswered(manager, conversationId, assignmentId);
      if (!unanswered) return null;
      await this.queueReturn.returnConversations(manager, [conversationId], 'unresponsive', null, this.config.get('UNRESPONSIVE_EXCLUSION_MINUTES'));
      await this.events.record(
        {
          type: 'conversation.requeued',
          actorId: null,
          subjectType: 'conversation',
          subjectId: conversationId,
          payload: { reason: 'unresponsive', agentId: unanswered },
        },
        manager,
      );
      return unanswered;
    });
    if (!agentId) return false;
    await this.routing.routeConversation(conversationId);
    await this.serveAgents([agentId]);
    return true;
  }
}
