import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { preparedQuery } from '../database/prepared-query';
import { AGENT_ON_DUTY, AGENT_ON_ROSTER, agentFitsConversation, BOUND_REQUIREMENTS } from './candidate-query';
import { Requirements } from './engine/engine.types';
import { describeRequirements } from './engine/requirements-description';

/** A decision that found no eligible agent with room. */
export interface WaitingDecision {
  conversationId: string;
  rule: { id: string | null; name: string; version: number };
  requirements: Requirements;
  nextEscalationAt: Date | null;
}

/** The decision that leaves a conversation waiting for an agent. Every method runs inside the caller's transaction. */
@Injectable()
export class WaitingDecisionsRepository {
  /**
   * The decision found no eligible agent with room: its requirements are stored and the conversation
   * is marked as waiting for an agent, so one who gains room finds it. The decision is recorded with
   * why it waits (how many fitting agents are on duty or on the roster) when the conversation starts
   * waiting or waits under another rule, version or step: deciding it again unchanged adds nothing.
   */
  async markWaiting(manager: EntityManager, { conversationId, rule, requirements, nextEscalationAt }: WaitingDecision): Promise<void> {
    await preparedQuery(
      manager,
      `WITH previous AS (
         SELECT awaiting_agent, rule_id, rule_version, escalation_step FROM conversations WHERE id = $1
       ), updated AS (
         UPDATE conversations
            SET rule_id = $6, rule_version = $7, priority = $8, escalation_step = $9, req_languages = $2,
                req_min_language_level = $3, req_skills = $4, req_agent_kinds = $5, next_escalation_at = $10,
                awaiting_agent = true
          WHERE id = $1
       )
       INSERT INTO routing_decisions
         (conversation_id, rule_id, rule_name, rule_version, escalation_step, strategy, requirements, candidates,
          chosen_agent_id, reason, outcome)
       -- The roster is counted in the select list: only when the decision is recorded.
       SELECT $1, $6, $11, $7, $9, $12, $13, '[]'::jsonb, NULL,
              (SELECT CASE WHEN count(*) FILTER (WHERE ${AGENT_ON_DUTY}) > 0
                             THEN format('waiting: %s agent(s) on duty fit, none with room', count(*) FILTER (WHERE ${AGENT_ON_DUTY}))
                           WHEN count(*) > 0
                             THEN format('waiting: %s agent(s) on the roster fit, none on duty (signed in, available, in a shift)', count(*))
                           ELSE 'waiting: no agent on the roster fits'
                      END
                 FROM agents a JOIN users u ON u.id = a.user_id
                WHERE ${AGENT_ON_ROSTER} AND ${agentFitsConversation(BOUND_REQUIREMENTS)}) || '; ' || $14,
              'waiting'
         FROM previous
        WHERE NOT (previous.awaiting_agent AND previous.rule_id IS NOT DISTINCT FROM $6::uuid
                   AND previous.rule_version = $7 AND previous.escalation_step = $9)`,
      [
        conversationId,
        requirements.languages,
        requirements.minLanguageLevel,
        JSON.stringify(requirements.requiredSkills),
        requirements.agentKinds,
        rule.id,
        rule.version,
        requirements.priority,
        requirements.escalationStep,
        nextEscalationAt,
        rule.name,
        requirements.strategy,
        JSON.stringify(requirements),
        describeRequirements(requirements),
      ],
    );
  }
}
