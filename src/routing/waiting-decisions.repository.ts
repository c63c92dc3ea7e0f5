import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { preparedQuery } from '../database/prepared-query';
import { AGENT_ON_DUTY, AGENT_ON_ROSTER, agentFitsConversation, WAITING_REQUIREMENTS } from './candidate-query';
import { Requirements } from './engine/engine.types';
import { describeRequirements } from './engine/requirements-description';

/** A decision that found no eligible agent with room. */
export interface WaitingDecision {
  conversationId: string;
  rule: { id: string | null; name: string; version: number };
  requirements: Requirements;
  nextEscalationAt: Date | null;
}

/** The decisions that leave conversations waiting for an agent. Every method runs inside the caller's transaction. */
@Injectable()
export class WaitingDecisionsRepository {
  /**
   * The decisions found no eligible agent with room: each conversation's requirements are stored and
   * it is marked as waiting for an agent, so one who gains room finds it, all in one statement. A
   * decision is recorded with why it waits (how many fitting agents are on duty or on the roster) when
   * the conversation starts waiting or waits under another rule, version or step: deciding it again
   * unchanged adds nothing.
   */
  async markWaiting(manager: EntityManager, waiting: WaitingDecision[]): Promise<void> {
    if (waiting.length === 0) return;
    await preparedQuery(
      manager,
      `WITH waiting AS (
         SELECT * FROM jsonb_to_recordset($1::jsonb) AS w(
           ord int, conversation_id uuid, rule_id uuid, rule_name text, rule_version int, escalation_step int, strategy text,
           requirements jsonb, described text, priority int, languages text[], min_language_level int, required_skills jsonb,
           agent_kinds text[], next_escalation_at timestamptz)
       ), previous AS (
         SELECT c.id, c.awaiting_agent, c.rule_id, c.rule_version, c.escalation_step FROM conversations c JOIN waiting w ON w.conversation_id = c.id
       ), updated AS (
         UPDATE conversations c
            SET rule_id = w.rule_id, rule_version = w.rule_version, priority = w.priority, escalation_step = w.escalation_step,
                req_languages = w.languages, req_min_language_level = w.min_language_level, req_skills = w.required_skills,
                req_agent_kinds = w.agent_kinds, next_escalation_at = w.next_escalation_at, awaiting_agent = true
           FROM waiting w
          WHERE c.id = w.conversation_id
       )
       INSERT INTO routing_decisions
         (conversation_id, rule_id, rule_name, rule_version, escalation_step, strategy, requirements, candidates,
          chosen_agent_id, reason, outcome)
       -- The roster is counted in the select list: only for the decisions recorded.
       SELECT w.conversation_id, w.rule_id, w.rule_name, w.rule_version, w.escalation_step, w.strategy, w.requirements, '[]'::jsonb, NULL,
              (SELECT CASE WHEN count(*) FILTER (WHERE ${AGENT_ON_DUTY}) > 0
                             THEN format('waiting: %s agent(s) on duty fit, none with room', count(*) FILTER (WHERE ${AGENT_ON_DUTY}))
                           WHEN count(*) > 0
                             THEN format('waiting: %s agent(s) on the roster fit, none on duty (signed in, available, in a shift)', count(*))
                           ELSE 'waiting: no agent on the roster fits'
                      END
                 FROM agents a JOIN users u ON u.id = a.user_id
                WHERE ${AGENT_ON_ROSTER} AND ${agentFitsConversation(WAITING_REQUIREMENTS)}) || '; ' || w.described,
              'waiting'
         FROM waiting w JOIN previous p ON p.id = w.conversation_id
        WHERE NOT (p.awaiting_agent AND p.rule_id IS NOT DISTINCT FROM w.rule_id
                   AND p.rule_version = w.rule_version AND p.escalation_step = w.escalation_step)
        ORDER BY w.ord`,
      [
        JSON.stringify(
          waiting.map(({ conversationId, rule, requirements, nextEscalationAt }, ord) => ({
            ord,
            conversation_id: conversationId,
            rule_id: rule.id,
            rule_name: rule.name,
            rule_version: rule.version,
            escalation_step: requirements.escalationStep,
            strategy: requirements.strategy,
            requirements,
            described: describeRequirements(requirements),
            priority: requirements.priority,
            languages: requirements.languages,
            min_language_level: requirements.minLanguageLevel,
            required_skills: requirements.requiredSkills,
            agent_kinds: requirements.agentKinds,
            next_escalation_at: nextEscalationAt,
          })),
        ),
      ],
    );
  }
}
