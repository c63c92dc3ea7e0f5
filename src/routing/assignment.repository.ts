import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { preparedQuery } from '../database/prepared-query';
import { StoredEventJson, storedEvent } from '../events/stored-event';
import { EventRow } from '../events/events.repository';
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
  /** agents it may not go to now (routing.md eligibility 7: a transfer's for good, an unresponsive agent's until it expires) */
  excludedAgentIds: string[];
}

/** A decision the claim plan made, to be written if its agent is still as it was read. */
export interface PlannedAssignment {
  conversationId: string;
  ruleId: string | null;
  ruleName: string;
  ruleVersion: number;
  requirements: Requirements;
  candidates: RankedCandidate[];
  chosenAgentId: string;
  /** the chosen agent's open count when the candidates were read */
  loadAsRead: number;
  reason: string;
  reclaimAt: Date | null;
  eventPayload: Record<string, unknown>;
}

export interface ClaimedAssignment {
  conversationId: string;
  assignmentId: string;
  /** the conversation.assigned event as written, to publish once the claim commits */
  event: EventRow;
}

/** round_robin keeps its turn per rule; the built-in default rule has no id. */
export const turnKey = (ruleId: string | null) => ruleId ?? 'default';

/** Queued conversations matching `filter`, in queue order, locked unless another worker holds them. */
function lockQueued(filter: string, limit = ''): string {
  return `SELECT c.id, c.channel, c.language, c.flight_number AS "flightNumber", c.received_at AS "receivedAt",
              c.rule_id AS "ruleId", c.transfer_requirements AS "transferRequirements",
              i.sla_minutes AS "slaMinutes",
              (SELECT m.text FROM messages m WHERE m.conversation_id = c.id ORDER BY m.received_at, m.id LIMIT 1) AS text,
              (SELECT version FROM routing_ruleset) AS "rulesetVersion",
              ARRAY(SELECT x.agent_id FROM conversation_exclusions x
                     WHERE x.conversation_id = c.id AND (x.expires_at IS NULL OR x.expires_at > now())) AS "excludedAgentIds",
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
   * Writes the planned assignments of a batch in one statement. Each chosen agent is locked unless
   * another worker holds it, and only if it is still available with the open count it was read with
   * and room for every conversation planned for it (a claim committed since the read makes the plan
   * outdated). For each agent so locked, its conversations get the decision, the assignment (whose
   * trigger raises the open count), the conversation's state with its requirements, and the event, in
   * plan order. Returns the assignments written; those of an agent not locked were not written. Lock
   * order is always conversations first, then agents without waiting, so claims never deadlock.
   */
  async claimAgents(manager: EntityManager, planned: PlannedAssignment[]): Promise<ClaimedAssignment[]> {
    if (planned.length === 0) return [];
    // Ids are made here, so no part of the statement joins what another part wrote: such joins of CTEs are planned
    // as nested loops and grow with the square of the batch.
    const rows = planned.map(({ requirements, ...decision }, ord) => ({
      ord,
      conversation_id: decision.conversationId,
      agent_id: decision.chosenAgentId,
      decision_id: randomUUID(),
      assignment_id: randomUUID(),
      load_as_read: decision.loadAsRead,
      rule_id: decision.ruleId,
      rule_name: decision.ruleName,
      rule_version: decision.ruleVersion,
      escalation_step: requirements.escalationStep,
      strategy: requirements.strategy,
      requirements,
      candidates: decision.candidates,
      reason: decision.reason,
      reclaim_at: decision.reclaimAt,
      priority: requirements.priority,
      languages: requirements.languages,
      min_language_level: requirements.minLanguageLevel,
      required_skills: requirements.requiredSkills,
      agent_kinds: requirements.agentKinds,
      event_payload: decision.eventPayload,
    }));
    const events = await preparedQuery<{ event: StoredEventJson }>(
      manager,
      `WITH planned AS (
         SELECT * FROM jsonb_to_recordset($1::jsonb) AS p(
           ord int, conversation_id uuid, agent_id uuid, decision_id uuid, assignment_id uuid, load_as_read int, rule_id uuid,
           rule_name text, rule_version int, escalation_step int, strategy text, requirements jsonb, candidates jsonb, reason text,
           reclaim_at timestamptz, priority int, languages text[], min_language_level int, required_skills jsonb, agent_kinds text[],
           event_payload jsonb)
       ), wanted AS (
         SELECT agent_id, min(load_as_read) AS load_as_read, count(*)::int AS conversations FROM planned GROUP BY agent_id
       ), agent AS (
         SELECT a.user_id FROM agents a JOIN wanted w ON w.agent_id = a.user_id
          WHERE a.presence = 'available' AND a.open_count = w.load_as_read AND a.open_count + w.conversations <= a.max_concurrent
            FOR UPDATE OF a SKIP LOCKED
       ), claimable AS MATERIALIZED (
         SELECT p.* FROM planned p JOIN agent ON agent.user_id = p.agent_id
       ), decision AS (
         INSERT INTO routing_decisions
           (id, conversation_id, rule_id, rule_name, rule_version, escalation_step, strategy, requirements, candidates,
            chosen_agent_id, reason)
         SELECT decision_id, conversation_id, rule_id, rule_name, rule_version, escalation_step, strategy, requirements, candidates,
                agent_id, reason
           FROM claimable ORDER BY ord
       ), assignment AS (
         INSERT INTO assignments (id, conversation_id, agent_id, decision_id, reclaim_at)
         SELECT assignment_id, conversation_id, agent_id, decision_id, reclaim_at FROM claimable ORDER BY ord
       ), conversation AS (
         UPDATE conversations c
            SET status = 'assigned', assigned_agent_id = p.agent_id, assigned_at = now(), next_escalation_at = NULL,
                awaiting_agent = false, unroutable_since = NULL, unroutable_reason = NULL,
                rule_id = p.rule_id, rule_version = p.rule_version, priority = p.priority, escalation_step = p.escalation_step,
                req_languages = p.languages, req_min_language_level = p.min_language_level, req_skills = p.required_skills,
                req_agent_kinds = p.agent_kinds
           FROM claimable p
          WHERE c.id = p.conversation_id
       ), event AS (
         INSERT INTO events (type, actor_id, subject_type, subject_id, payload)
         SELECT 'conversation.assigned', NULL, 'conversation', conversation_id, event_payload FROM claimable ORDER BY ord
         RETURNING *
       )
       SELECT to_jsonb(event) AS event FROM event`,
      [JSON.stringify(rows)],
    );
    const assignmentIds = new Map(rows.map((row) => [row.conversation_id, row.assignment_id]));
    return events.map(({ event }) => {
      const stored = storedEvent(event);
      return { conversationId: stored.subjectId!, assignmentId: assignmentIds.get(stored.subjectId!)!, event: stored };
    });
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
