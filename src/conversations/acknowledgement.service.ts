import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '../database/transaction-runner';
import { EventsService } from '../events/events.service';
import { matchRule } from '../routing/engine';
import { RoutingRulesService } from '../routing/rules/routing-rules.service';
import { TemplatesService } from '../templates/templates.service';
import { ConversationsRepository } from './conversations.repository';
import { OutboundScheduler } from './outbound.scheduler';
import { RepliesRepository } from './replies.repository';

/**
 * The acknowledgement a rule's route may name (acknowledgeTemplateId): sent once to a new
 * conversation, at once, through the outbound queue, with the estimated wait filled in. It is a
 * reply of kind `acknowledgement`, by nobody: it never sets first_response_at, so no figure counts it.
 */
@Injectable()
export class AcknowledgementService {
  constructor(
    private readonly rules: RoutingRulesService,
    private readonly templates: TemplatesService,
    private readonly replies: RepliesRepository,
    private readonly conversations: ConversationsRepository,
    private readonly outbound: OutboundScheduler,
    private readonly transactions: TransactionRunner,
    private readonly events: EventsService,
  ) {}

  /** Returns the acknowledgement's reply id, or null when its rule names none (or it was sent already). */
  async acknowledgeNewConversation(conversationId: string, estimatedWaitSeconds: number | null): Promise<string | null> {
    const facts = await this.replies.acknowledgementFacts(conversationId);
    if (!facts || facts.status === 'resolved' || facts.acknowledged) return null;
    const ruleset = await this.rules.rulesetAt(facts.rulesetVersion);
    const templateId = matchRule(ruleset.rules, facts, { surgeActive: facts.surgeActive })?.route.acknowledgeTemplateId;
    if (!templateId) return null;
    const answer = await this.templates.composeAnswer(templateId, { ...facts, authorName: null, estimatedWaitSeconds });
    // Deleting a template a rule names is refused; one gone all the same sends nothing.
    if (!answer) return null;

    return this.transactions.run(async (manager, effects) => {
      // Under the conversation's lock: two deliveries of the same intake send one acknowledgement.
      await this.conversations.lockConversation(manager, conversationId);
      if (await this.replies.hasAcknowledgement(manager, conversationId)) return null;
      const row = await this.replies.insertReply(manager, {
        conversationId,
        agentId: null,
        authorId: null,
        kind: 'acknowledgement',
        templateId,
        text: answer.text,
      });
      await this.events.record(
        {
          type: 'conversation.replied',
          actorId: null,
          subjectType: 'conversation',
          subjectId: conversationId,
          payload: { replyId: row.id, kind: 'acknowledgement', firstResponse: false, templateId },
        },
        manager,
      );
      effects.add('enqueue acknowledgement delivery', () => this.outbound.enqueueReplies([row.id]));
      return row.id;
    });
  }
}
