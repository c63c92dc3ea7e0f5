import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { preparedQuery } from '../database/prepared-query';
import { AGENT_ON_DUTY, AGENT_ON_ROSTER, agentFitsConversation, RequirementSources } from './candidate-query';
import { Requirements } from './engine/engine.types';
import { FittingAgents, waitingReason } from './engine/requirements-description';

/** A decision that found no eligible agent with room. */
export interface WaitingDecision {
  conversationId: string;
  /** the agents the conversation excludes now, as read with its lock */
  excludedAgentIds: string[];
  rule: { id: string | null; name: string; version: number };
  requirements: Requirements;
  nextEscalationAt: Date | null;
}

/**
 * The roster is counted with the requirements bound ($1..$4) and the conversation's exclusions as a
 * list ($5), so each set of requirements gets a custom plan, which a statement over many rows could not have.
 */
const BOUND_REQUIREMENTS: RequirementSources = {
  conversationId: 'NULL',
  languages: '$1::text[]',
  minLanguageLevel: '$2',
  requiredSkills: '$3::jsonb',
  agentKinds: '$4::text[]',
};

const FITTING_AGENTS_SQL = `
  SELECT count(*) FILTER (WHERE ${AGENT_ON_DUTY})::int AS "onDuty", count(*)::int AS "onRoster"
    FROM agents a JOIN users u ON u.id = a.user_id
   WHERE ${AGENT_ON_ROSTER} AND ${agentFitsConversation(BOUND_REQUIREMENTS, { ignoreExclusions: true })}
     AND a.user_id <> ALL($5::uuid[])`;

/**
 * Stores each decision's requirements and marks its conversation waiting; answers the conversations
 * whose waiting decision is to be recorded: those that start waiting, or wait under another rule,
 * version or step (deciding one again unchanged adds nothing).
 */
const MARK_AWAITING_SQL = `
  WITH decided AS (
    SELECT * FROM jsonb_to_recordset($1::jsonb) AS d(
      id uuid, rule_id uuid, rule_version int, priority smallint, escalation_step smallint, req_languages text[],
      req_min_language_level smallint, req_skills jsonb, req_agent_kinds text[], next_escalation_at timestamptz)
  ), previous AS (
    SELECT c.id, c.awaiting_agent, c.rule_id, c.rule_version, c.escalation_step FROM conversations c JOIN decided d ON d.id = c.id
  ), updated AS (
    UPDATE conversations c
       SET rule_id = d.rule_id, rule_version = d.rule_version, priority = d.priority, escalation_step = d.escalation_step,
           req_languages = d.req_languages, req_min_language_level = d.req_min_language_level, req_skills = d.req_skills,
           req_agent_kinds = d.req_agent_kinds, next_escalation_at = d.next_escalation_at, awaiting_agent = true
      FROM decided d
     WHERE c.id = d.id
  )
  SELECT p.id
    FROM previous p JOIN decided d ON d.id = p.id
   WHERE NOT (p.awaiting_agent AND p.rule_id IS NOT DISTINCT FROM d.rule_id
              AND p.rule_version = d.rule_version AND p.escalation_step = d.escalation_step)`;

const RECORD_WAITING_SQL = `
  INSERT INTO routing_decisions
    (conversation_id, rule_id, rule_name, rule_version, escalation_step, strategy, requirements, candidates,
     chosen_agent_id, reason, outcome)
  SELECT d.conversation_id, d.rule_id, d.rule_name, d.rule_version, d.escalation_step, d.strategy, d.requirements, '[]'::jsonb,
         NULL, d.reason, 'waiting'
    FROM jsonb_to_recordset($1::jsonb) AS d(
      conversation_id uuid, rule_id uuid, rule_name text, rule_version int, escalation_step smallint, strategy text,
      requirements jsonb, reason text)`;

/** The decisions that leave conversations waiting for an agent. Every method runs inside the caller's transaction. */
@Injectable()
export class WaitingDecisionsRepository {
  /**
   * The decisions found no eligible agent with room: their requirements are stored and their
   * conversations marked as waiting for an agent, so one who gains room finds them. A decision is
   * recorded with why the conversation waits (how many fitting agents are on duty or on the roster)
   * when it starts waiting or waits under another rule, version or step. The roster is counted once
   * per set of requirements and exclusions: a burst leaves hundreds waiting alike.
   */
  async markWaiting(manager: EntityManager, decisions: WaitingDecision[]): Promise<void> {
    if (decisions.length === 0) return;
    const toRecord = new Set(
      (await preparedQuery<{ id: string }>(manager, MARK_AWAITING_SQL, [JSON.stringify(decisions.map(storedRequirements))])).map((row) => row.id),
    );
    const recorded = decisions.filter((decision) => toRecord.has(decision.conversationId));
    if (recorded.length === 0) return;
    const reasons = await this.reasonsFor(manager, recorded);
    const rows = recorded.map(({ conversationId, rule, requirements }, index) => ({
      conversation_id: conversationId,
      rule_id: rule.id,
      rule_name: rule.name,
      rule_version: rule.version,
      escalation_step: requirements.escalationStep,
      strategy: requirements.strategy,
      requirements,
      reason: reasons[index],
    }));
    await preparedQuery(manager, RECORD_WAITING_SQL, [JSON.stringify(rows)]);
  }

  /** Why each decision waits, the roster counted once per set of requirements and exclusions among them. */
  private async reasonsFor(manager: EntityManager, decisions: WaitingDecision[]): Promise<string[]> {
    const counted = new Map<string, FittingAgents>();
    const reasons: string[] = [];
    for (const { requirements, excludedAgentIds } of decisions) {
      const { languages, minLanguageLevel, requiredSkills, agentKinds } = requirements;
      const excluded = [...excludedAgentIds].sort();
      const key = JSON.stringify([languages, minLanguageLevel, requiredSkills, agentKinds, excluded]);
      let fitting = counted.get(key);
      if (!fitting) {
        [fitting] = await preparedQuery<FittingAgents>(manager, FITTING_AGENTS_SQL, [
          languages,
          minLanguageLevel,
          JSON.stringify(requiredSkills),
          agentKinds,
          excluded,
        ]);
        counted.set(key, fitting);
      }
      reasons.push(waitingReason(fitting, requirements));
    }
    return reasons;
  }
}

/** A decision as MARK_AWAITING_SQL reads it. */
function storedRequirements({ conversationId, rule, requirements, nextEscalationAt }: WaitingDecision) {
  return {
    id: conversationId,
    rule_id: rule.id,
    rule_version: rule.version,
    priority: requirements.priority,
    escalation_step: requirements.escalationStep,
    req_languages: requirements.languages,
    req_min_language_level: requirements.minLanguageLevel,
    req_skills: requirements.requiredSkills,
    req_agent_kinds: requirements.agentKinds,
    next_escalation_at: nextEscalationAt,
  };
}
