import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuthUser } from '../common/auth/auth-user';
import { conflict, DomainError, forbidden, notFound } from '../common/errors/domain-error';
import { TransactionRunner } from '../database/transaction-runner';
import { EventsService } from '../events/events.service';
import { TransferRequirements } from '../routing/engine/engine.types';
import { QueueReturnRepository } from '../routing/queue-return.repository';
import { RoutingScheduler } from '../routing/routing-scheduler';
import { assertManagerOrAssignee, isAssignedTo, isManager } from './conversation-access';
import { LockedConversation } from './conversation-rows';
import { toReplyView, toSummary } from './conversation-view.mapper';
import { ConversationsRepository } from './conversations.repository';
import { CreateReplyDto } from './dto/create-reply.dto';
import { ConversationSummaryDto, ReplyViewDto } from './dto/conversation-summary.dto';
import { TransferConversationDto } from './dto/transfer-conversation.dto';
import { OutboundScheduler } from './outbound.scheduler';
import { RepliesRepository } from './replies.repository';

/**
 * What agents and managers do to a conversation. Each use case locks the conversation row first,
 * decides on what it read under that lock, and enqueues follow-up work only after the commit.
 */
@Injectable()
export class ConversationWorkService {
  private readonly logger = new Logger(ConversationWorkService.name);

  constructor(
    private readonly transactions: TransactionRunner,
    private readonly conversations: ConversationsRepository,
    private readonly replies: RepliesRepository,
    private readonly queueReturn: QueueReturnRepository,
    private readonly routing: RoutingScheduler,
    private readonly outbound: OutboundScheduler,
    private readonly events: EventsService,
  ) {}

  async reply(agent: AuthUser, id: string, dto: CreateReplyDto): Promise<ReplyViewDto> {
    const reply = await this.transactions.run(async (manager) => {
      const conversation = await this.lockExisting(manager, id);
      if (!isAssignedTo(conversation, agent)) throw forbidden(`conversation ${id} is not assigned to you`);
      const row = await this.replies.insertReply(manager, { conversationId: id, agentId: agent.id, text: dto.text });
      const firstResponse = await this.conversations.recordFirstResponse(manager, id, row.id);
      await this.conversations.clearReclaimTimer(manager, id);
      await this.events.record(
        { type: 'conversation.replied', actorId: agent.id, subjectType: 'conversation', subjectId: id, payload: { replyId: row.id, firstResponse } },
        manager,
      );
      return row;
    });
    await this.afterCommit('enqueue reply delivery', () => this.outbound.enqueueReplies([reply.id]));
    return toReplyView(reply);
  }

  async resolve(user: AuthUser, id: string): Promise<ConversationSummaryDto> {
    const result = await this.transactions.retryingLostRaces(() => this.conversations.resolve(id, user.id, isManager(user)));
    if (result.outcome !== 'resolved') throw resolveRefused(id, result.outcome);
    await this.events.announce(result.event);
    // The agent has room again: route the waiting work it can take.
    const { heldBy } = result;
    if (heldBy) await this.afterCommit('serve agent after resolve', () => this.routing.serveAgentIfWorkWaits(heldBy));
    return toSummary((await this.conversations.findSummary(id))!);
  }

  async transfer(user: AuthUser, id: string, dto: TransferConversationDto): Promise<ConversationSummaryDto> {
    const requirements = transferRequirements(dto);
    const { summary, fromAgentId } = await this.transactions.run(async (manager) => {
      const conversation = await this.lockExisting(manager, id);
      if (conversation.status !== 'assigned') {
        throw conflict(`conversation ${id} is ${conversation.status}; only an assigned conversation can be transferred`);
      }
      assertManagerOrAssignee(conversation, user);
      const [returned] = await this.queueReturn.returnConversations(manager, [id], 'transferred', requirements);
      const previous = returned?.agentId ?? conversation.assignedAgentId!;
      await this.events.record(
        {
          type: 'conversation.transferred',
          actorId: user.id,
          subjectType: 'conversation',
          subjectId: id,
          payload: { fromAgentId: previous, requirements },
        },
        manager,
      );
      return { summary: (await this.conversations.findSummary(id, manager))!, fromAgentId: previous };
    });
    await this.afterCommit('route transferred conversation', () => this.routing.routeConversations([id]));
    await this.afterCommit('serve agent after transfer', () => this.routing.serveAgentIfWorkWaits(fromAgentId));
    return toSummary(summary);
  }

  private async lockExisting(manager: EntityManager, id: string): Promise<LockedConversation> {
    const conversation = await this.conversations.lockConversation(manager, id);
    if (!conversation) throw notFound('conversation', id);
    return conversation;
  }

  /**
   * The change is committed and Postgres is the truth: if Redis is unreachable the job is rebuilt
   * later (pending replies at start, queued conversations by the routing reconciler), so the
   * request still succeeds.
   */
  private async afterCommit(what: string, enqueue: () => Promise<void>): Promise<void> {
    try {
      await enqueue();
    } catch (error) {
      this.logger.error(`Could not ${what}; it will be rebuilt from Postgres: ${(error as Error).message}`);
    }
  }
}

/** Only the requirements given replace the rule's; the note is agent text and is not stored. */
function transferRequirements(dto: TransferConversationDto): TransferRequirements {
  return {
    ...(dto.language !== undefined && { language: dto.language }),
    ...(dto.requiredSkills !== undefined && {
      requiredSkills: dto.requiredSkills.map(({ name, minLevel }) => ({ name, minLevel })),
    }),
  };
}

function resolveRefused(id: string, outcome: 'not_found' | 'already_resolved' | 'not_assignee'): DomainError {
  if (outcome === 'not_found') return notFound('conversation', id);
  if (outcome === 'already_resolved') return conflict(`conversation ${id} is already resolved`);
  return forbidden(`conversation ${id} is not assigned to you`);
}
