import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { preparedQuery } from '../database/prepared-query';
import { StoredEventJson, storedEvent } from '../events/stored-event';
import { EventRow } from '../events/events.repository';
import { AGENT_ON_DUTY, AGENT_ON_ROSTER, agentFitsConversation, BOUND_REQUIREMENTS, CANDIDATE_ORDER } from './candidate-query';
import { describeRequirements } from './engine/requirements-description';
import { Channel, RankedCandidate, Requirements, TransferRequirements } from './engine/engine.types';

export interface QueuedConversation {
  id: string;
  channel: Channel;
  language: string;
  flightNumber: string | null;
  text: string;
  receivedAt: Date;
  ruleId: string | null;
  transferRequirements: TransferRequirements | null;
  slaMinutes: number | null;
}

/** A locked conversation with what its decision reads besides: the ruleset version and the surge state. */
export interface LockedConversation extends QueuedConversation {
  rulesetVersion: number;
  surgeActive: boolean;
}

export interface StoredDecision {
  conversationId: string;
  ruleId: string | null;
  ruleName: string;
  ruleVersion: number;
  requirements: Requirements;
  candidates: RankedCandidate[];
  chosenAgentId: string;
  reason: string;
  reclaimAt: Date | null;
  eventPayload: Record<string, unknown>;
}

export interface ClaimedAssignment {
  assignmentId: string;
  /** the conversation.assigned event as written, to publish once the claim commits */
  event: EventRow;
}

/** round_robin keeps its turn per rule; the built-in default rule has no id. */
const turnKey = (ruleId: string | null) => ruleId ?? 'default';

/** How many candidates a decision looks at: enough to survive lost lock races, few enough to stay cheap. */
const CANDIDATE_LIMIT = 10;

/** Queued conversations matching `filter`, in queue order, locked unless another worker holds them. */
function lockQueued(filter: string, limit = ''): string {
  return `SELECT c.id, c.channel, c.language, c.flight_number AS "flightNumber", c.received_at AS "receivedAt",
              c.rule_id AS "ruleId", c.transfer_requirements AS "transferRequirements",
              i.sla_minutes AS "slaMinutes",
              (SELECT m.text FROM messages m WHERE m.conversation_id = c.id ORDER BY m.received_at, m.id LIMIT 1) AS text,
              (SELECT version FROM routing_ruleset) AS "rulesetVersion",
              EXISTS (SELECT 1 FROM incidents WHERE surge_active) AS "surgeActive"
         FROM conversations c LEFT JOIN incidents i ON i.id = c.incident_id
        WHERE c.status = 'queued' AND ${filter}
        ORDER BY c.priority DESC, c.received_at, c.id ${limit}
          FOR UPDATE OF c SKIP LOCKED`;
}

/** The claim transaction's SQL. Every method runs inside the caller's transaction. */
@Injectable()
export class AssignmentRepository {
  /**
   * Locks those of the conversations that are queued and that no other worker is deciding right now,
   * highest priority first, then oldest. The ruleset version and surge state come with them.
   */
  async lockQueuedConversations(manager: EntityManager, ids: string[]): Promise<LockedConversation[]> {
    if (ids.length === 0) return [];
    return preparedQuery<LockedConversation>(manager, lockQueued(`c.id = ANY($1::uuid[])`), [ids]);
  }

  /** Those of the conversations still queued, read without waiting for their locks. */
  async stillQueued(manager: EntityManager, ids: string[]): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(`SELECT id FROM conversations WHERE id = ANY($1::uuid[]) AND status = 'queued'`, [ids]);
    return rows.map((row) => row.id);
  }

  /** Locks up to `limit` of the queued conversations no decision has looked at yet, as lockQueuedConversations. */
  async lockUndecidedConversations(manager: EntityManager, limit: number): Promise<LockedConversation[]> {
    return preparedQuery<LockedConversation>(manager, lockQueued('NOT c.awaiting_agent', 'LIMIT $1'), [limit]);
  }

  /**
   * The decision found no eligible agent with room: its requirements are stored and the conversation
   * is marked as waiting for an agent, so one who gains room finds it. The decision is recorded with
   * why it waits (how many fitting agents are on duty or on the roster) when the conversation starts
   * waiting or waits under another rule, version or step: deciding it again unchanged adds nothing.
   */
  async markWaiting(
    manager: EntityManager,
    conversationId: string,
    rule: { id: string | null; name: string; version: number },
    requirements: Requirements,
    nextEscalationAt: Date | null,
  ): Promise<void> {
    await preparedQuery(
      manager,
      `WITH previous AS (
         SELECT awaiting_agent, rule_id, rule_version, escalation_step FROM conversations WHERE id = $1
       ), fitting AS (
         SELECT count(*) FILTER (WHERE ${AGENT_ON_DUTY}) AS on_duty, count(*) AS on_roster
           FROM agents a JOIN users u ON u.id = a.user_id
          WHERE ${AGENT_ON_ROSTER} AND ${agentFitsConversation(BOUND_REQUIREMENTS)}
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
       SELECT $1, $6, $11, $7, $9, $12, $13, '[]'::jsonb, NULL,
              CASE WHEN fitting.on_duty > 0 THEN format('waiting: %s agent(s) on duty fit, none with room', fitting.on_duty)
                   WHEN fitting.on_roster > 0 THEN format('waiting: %s agent(s) on the roster fit, none on duty (signed in, available, in a shift)', fitting.on_roster)
                   ELSE 'waiting: no agent on the roster fits'
              END || '; ' || $14,
              'waiting'
         FROM previous, fitting
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

  /** The best few eligible agents with room, in the strategy's order (indexed; never the whole roster). */
  async findCandidates(
    manager: EntityManager,
    conversationId: string,
    requirements: Requirements,
    lastAgentId: string | null,
  ): Promise<RankedCandidate[]> {
    // Planned on every call, unlike the other routing statements: a generic plan cannot see which
    // requirements are empty, and one measured twice as slow as the plans made for the values.
    const rows: (Omit<RankedCandidate, 'lastAssignedAt'> & { lastAssignedAt: Date | null })[] = await manager.query(
      `SELECT a.user_id AS "agentId", a.open_count AS load, a.max_concurrent AS "maxConcurrent",
              a.last_assigned_at AS "lastAssignedAt"
         FROM agents a JOIN users u ON u.id = a.user_id
        WHERE a.presence = 'available' AND a.open_count < a.max_concurrent
          AND ${AGENT_ON_DUTY} AND ${agentFitsConversation(BOUND_REQUIREMENTS)}
        ORDER BY ${CANDIDATE_ORDER[requirements.strategy]}
        LIMIT ${CANDIDATE_LIMIT}`,
      [
        conversationId,
        requirements.languages,
        requirements.minLanguageLevel,
        JSON.stringify(requirements.requiredSkills),
        requirements.agentKinds,
        ...(requirements.strategy === 'round_robin' ? [lastAgentId] : []),
      ],
    );
    return rows.map((row) => ({ ...row, lastAssignedAt: row.lastAssignedAt?.toISOString() ?? null }));
  }

  /**
   * Claims the chosen agent for the conversation in one statement: locks the agent if nobody else
   * holds it, it still has room and its open count is still `rankedLoad` (a claim committed since the
   * candidates were read makes the ranking outdated), then writes the decision, the assignment (whose
   * trigger raises the open count), the conversation's state with its requirements, and the event.
   * Null when the agent could not be claimed: nothing was written. Lock order is always conversation
   * first, then agent, so two claims can never deadlock on each other.
   */
  async claimAgent(manager: EntityManager, decision: StoredDecision, rankedLoad: number): Promise<ClaimedAssignment | null> {
    const { requirements } = decision;
    const rows = await preparedQuery<{ assignmentId: string; event: StoredEventJson }>(
      manager,
      `WITH agent AS (
         SELECT user_id FROM agents
          WHERE user_id = $2 AND presence = 'available' AND open_count < max_concurrent AND open_count = $3
            FOR UPDATE SKIP LOCKED
       ), decision AS (
         INSERT INTO routing_decisions
           (conversation_id, rule_id, rule_name, rule_version, escalation_step, strategy, requirements, candidates,
            chosen_agent_id, reason)
         SELECT $1, $4, $5, $6, $7, $8, $9, $10, user_id, $11 FROM agent
         RETURNING id, chosen_agent_id
       ), assignment AS (
         INSERT INTO assignments (conversation_id, agent_id, decision_id, reclaim_at)
         SELECT $1, chosen_agent_id, id, $12 FROM decision
         RETURNING id, agent_id
       ), conversation AS (
         UPDATE conversations c
            SET status = 'assigned', assigned_agent_id = assignment.agent_id, assigned_at = now(), next_escalation_at = NULL,
                awaiting_agent = false, unroutable_since = NULL, unroutable_reason = NULL,
                rule_id = $4, rule_version = $6, priority = $13, escalation_step = $7, req_languages = $14,
                req_min_language_level = $15, req_skills = $16, req_agent_kinds = $17
           FROM assignment
          WHERE c.id = $1
       ), event AS (
         INSERT INTO events (type, actor_id, subject_type, subject_id, payload)
         SELECT 'conversation.assigned', NULL, 'conversation', $1, $18 FROM assignment
         RETURNING *
       )
       SELECT assignment.id AS "assignmentId", to_jsonb(event) AS event FROM assignment, event`,
      [
        decision.conversationId,
        decision.chosenAgentId,
        rankedLoad,
        decision.ruleId,
        decision.ruleName,
        decision.ruleVersion,
        requirements.escalationStep,
        requirements.strategy,
        JSON.stringify(requirements),
        JSON.stringify(decision.candidates),
        decision.reason,
        decision.reclaimAt,
        requirements.priority,
        requirements.languages,
        requirements.minLanguageLevel,
        JSON.stringify(requirements.requiredSkills),
        requirements.agentKinds,
        JSON.stringify(decision.eventPayload),
      ],
    );
    if (rows.length === 0) return null;
    const [{ assignmentId, event }] = rows;
    return { assignmentId, event: storedEvent(event) };
  }

  /** Locks the rule's round-robin turn so concurrent decisions under one rule take turns in order. */
  async lockTurn(manager: EntityManager, ruleId: string | null): Promise<string | null> {
    await manager.query(
      `INSERT INTO routing_turns (rule_key, last_agent_id) VALUES ($1, '00000000-0000-0000-0000-000000000000')
       ON CONFLICT (rule_key) DO NOTHING`,
      [turnKey(ruleId)],
    );
    const rows: { lastAgentId: string }[] = await manager.query(
      `SELECT last_agent_id AS "lastAgentId" FROM routing_turns WHERE rule_key = $1 FOR UPDATE`,
      [turnKey(ruleId)],
    );
    return rows[0].lastAgentId;
  }

  /** The rule's round-robin turn without locking it (for the dry run). */
  async readTurn(manager: EntityManager, ruleId: string | null): Promise<string | null> {
    const rows: { lastAgentId: string }[] = await manager.query(
      `SELECT last_agent_id AS "lastAgentId" FROM routing_turns WHERE rule_key = $1`,
      [turnKey(ruleId)],
    );
    return rows[0]?.lastAgentId ?? null;
  }

  async saveTurn(manager: EntityManager, ruleId: string | null, agentId: string): Promise<void> {
    await manager.query(`UPDATE routing_turns SET last_agent_id = $2 WHERE rule_key = $1`, [turnKey(ruleId), agentId]);
  }

  /** Locks the conversation and tells whether this assignment is still open with no reply from its agent. */
  async lockUnanswered(manager: EntityManager, conversationId: string, assignmentId: string): Promise<string | null> {
    const rows: { agentId: string }[] = await manager.query(
      `SELECT a.agent_id AS "agentId"
         FROM conversations c JOIN assignments a ON a.conversation_id = c.id
        WHERE c.id = $1 AND a.id = $2 AND a.ended_at IS NULL
          AND NOT EXISTS (
                SELECT 1 FROM replies r WHERE r.conversation_id = c.id AND r.agent_id = a.agent_id AND r.created_at >= a.assigned_at)
          FOR UPDATE OF c`,
      [conversationId, assignmentId],
    );
    return rows[0]?.agentId ?? null;
  }
}
