import { Injectable } from '@nestjs/common';
import { AuthUser } from '../common/auth/auth-user';
import { forbidden, notFound } from '../common/errors/domain-error';
import { TransactionRunner } from '../database/transaction-runner';
import { EventsService } from '../events/events.service';
import { TemplatesService } from '../templates/templates.service';
import { isAssignedTo } from './conversation-access';
import { toReplyView } from './conversation-view.mapper';
import { ConversationsRepository } from './conversations.repository';
import { ReplyViewDto } from './dto/conversation-summary.dto';
import { CreateReplyDto } from './dto/create-reply.dto';
import { OutboundScheduler } from './outbound.scheduler';
import { assertTextOrTemplate } from './reply-content';
import { RepliesRepository } from './replies.repository';

/** An agent's reply to the passenger of its conversation, written out or from an approved answer. */
@Injectable()
export class ReplyService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly conversations: ConversationsRepository,
    private readonly replies: RepliesRepository,
    private readonly templates: TemplatesService,
    private readonly outbound: OutboundScheduler,
    private readonly events: EventsService,
  ) {}

  async reply(agent: AuthUser, id: string, dto: CreateReplyDto): Promise<ReplyViewDto> {
    assertTextOrTemplate(dto);
    const reply = await this.transactions.run(async (manager, effects) => {
      const conversation = await this.conversations.lockConversation(manager, id);
      if (!conversation) throw notFound('conversation', id);
      if (!isAssignedTo(conversation, agent)) throw forbidden(`conversation ${id} is not assigned to you`);
      const content = dto.templateId ? await this.fromTemplate(agent, id, dto.templateId) : { text: dto.text!, templateId: null };
      const row = await this.replies.insertReply(manager, { conversationId: id, agentId: agent.id, authorId: agent.id, ...content });
      const firstResponse = await this.conversations.recordFirstResponse(manager, id, row.id);
      await this.conversations.clearReclaimTimer(manager, id);
      await this.events.record(
        {
          type: 'conversation.replied',
          actorId: agent.id,
          subjectType: 'conversation',
          subjectId: id,
          payload: { replyId: row.id, firstResponse, templateId: content.templateId },
        },
        manager,
      );
      effects.add('enqueue reply delivery', () => this.outbound.enqueueReplies([row.id]));
      return row;
    });
    return toReplyView(reply);
  }

  private async fromTemplate(agent: AuthUser, conversationId: string, templateId: string): Promise<{ text: string; templateId: string }> {
    const context = await this.replies.answerContext(conversationId, agent.id);
    const answer = await this.templates.composeAnswer(templateId, { ...context, estimatedWaitSeconds: 0 });
    if (!answer) throw notFound('template', templateId);
    return { text: answer.text, templateId };
  }
}
