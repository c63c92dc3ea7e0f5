import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuthUser } from '../common/auth/auth-user';
import { conflict, DomainError, forbidden, notFound } from '../common/errors/domain-error';
import { AfterCommit } from '../database/after-commit';
import { TransactionRunner } from '../database/transaction-runner';
import { EventsService } from '../events/events.service';
import { TransferRequirements } from '../routing/engine/engine.types';
import { QueueReturnRepository } from '../routing/queue-return.repository';
import { RoutingScheduler } from '../routing/routing-scheduler';
import { assertManagerOrAssignee, isManager } from './conversation-access';
import { LockedConversation } from './conversation-rows';
import { toSummary } from './conversation-view.mapper';
import { ConversationsRepository } from './conversations.repository';
import { ConversationSummaryDto } from './dto/conversation-summary.dto';
import { TransferConversationDto } from './dto/transfer-conversation.dto';
import { NotesService } from './notes.service';

/**
 * What agents and managers do to a conversation. Each use case locks the conversation row first,
 * decides on what it read under that lock, and enqueues follow-up work only after the commit.
 */
@Injectable()
export class ConversationWorkService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly conversations: ConversationsRepository,
    private readonly queueReturn: QueueReturnRepository,
    private readonly routing: RoutingScheduler,
    private readonly events: EventsService,
    private readonly notes: NotesService,
    private readonly afterCommit: AfterCommit,
  ) {}

  async resolve(user: AuthUser, id: string): Promise<ConversationSummaryDto> {
    const result = await this.transactions.retryingLostRaces(() => this.conversations.resolve(id, user.id, isManager(user)));
    if (result.outcome === 'already_resolved' && !isManager(user) && !(await this.heldLastBy(id, user))) {
      // resolve_conversation checks the state first; an agent that never held it must not learn it.
      throw forbidden(`conversation ${id} is not assigned to you`);
    }
    if (result.outcome !== 'resolved') throw resolveRefused(id, result.outcome);
    await this.events.announce(result.event);
    // The agent has room again: route the waiting work it can take.
    const { heldBy } = result;
    if (heldBy) await this.afterCommit.run('serve agent after resolve', () => this.routing.serveAgentIfWorkWaits(heldBy));
    return toSummary((await this.conversations.findSummary(id))!);
  }

  async transfer(user: AuthUser, id: string, dto: TransferConversationDto): Promise<ConversationSummaryDto> {
    const requirements = transferRequirements(dto);
    const summary = await this.transactions.run(async (manager, effects) => {
      const conversation = await this.lockExisting(manager, id);
      // Permission first: an agent learns nothing about a conversation that is not its own, not even its state.
      assertManagerOrAssignee(conversation, user);
      if (conversation.status !== 'assigned') {
        throw conflict(`conversation ${id} is ${conversation.status}; only an assigned conversation can be transferred`);
      }
      const [returned] = await this.queueReturn.returnConversations(manager, [id], 'transferred', requirements);
      // The hand-over remark stays with the conversation as an internal note.
      if (dto.note !== undefined) await this.notes.addNoteIn(manager, id, user.id, dto.note);
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
      effects.add('route transferred conversation', () => this.routing.routeConversations([id]));
      effects.add('serve agent after transfer', () => this.routing.serveAgentIfWorkWaits(previous));
      return (await this.conversations.findSummary(id, manager))!;
    });
    return toSummary(summary);
  }

  /** Whether the agent held the conversation last: resolved is final, so this cannot change after the read. */
  private async heldLastBy(id: string, user: AuthUser): Promise<boolean> {
    const assignments = await this.conversations.findAssignments(id);
    return assignments.at(-1)?.agentId === user.id;
  }

  private async lockExisting(manager: EntityManager, id: string): Promise<LockedConversation> {
    const conversation = await this.conversations.lockConversation(manager, id);
    if (!conversation) throw notFound('conversation', id);
    return conversation;
  }
}

/** Only the requirements given replace the rule's; the note is kept as an internal note. */
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
