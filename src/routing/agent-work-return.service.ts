import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { EventsService } from '../events/events.service';
import { QueueReturnRepository, ReturnReason } from './queue-return.repository';

/**
 * An agent stops working (signed out, suspended, its surge ended): its open conversations go back to
 * the queue inside the caller's transaction. The caller routes the returned ids after its commit.
 */
@Injectable()
export class AgentWorkReturnService {
  constructor(
    private readonly queueReturn: QueueReturnRepository,
    private readonly events: EventsService,
  ) {}

  async returnAgentWork(
    manager: EntityManager,
    agentId: string,
    reason: Exclude<ReturnReason, 'transferred' | 'unresponsive'>,
    actorId: string | null,
  ): Promise<string[]> {
    const returned = await this.queueReturn.returnAgentConversations(manager, agentId, reason);
    for (const { conversationId } of returned) {
      await this.events.record(
        { type: 'conversation.requeued', actorId, subjectType: 'conversation', subjectId: conversationId, payload: { reason, agentId } },
        manager,
      );
    }
    return returned.map(({ conversationId }) => conversationId);
  }
}
