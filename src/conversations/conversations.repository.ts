import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Keyset } from '../common/pagination/page';
import { preparedQuery } from '../database/prepared-query';
import { modifyReturning } from '../database/returning';
import { StoredEventJson, storedEvent } from '../events/stored-event';
import { EventRow } from '../events/events.repository';
import {
  AssignmentRow,
  ConversationFilter,
  ConversationRow,
  DecisionRow,
  LockedConversation,
  MessageRow,
  ReplyRow,
} from './conversation-rows';

const SUMMARY_COLUMNS = `
  c.id, c.channel, c.handle, c.from_name AS "fromName", c.language, c.flight_number AS "flightNumber",
  c.status, c.priority, c.escalation_step AS "escalationStep", c.received_at AS "receivedAt",
  to_char(c.received_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "receivedAtKey",
  c.assigned_agent_id AS "assignedAgentId", c.assigned_at AS "assignedAt",
  c.first_response_at AS "firstResponseAt", c.resolved_at AS "resolvedAt",
  c.unroutable_since AS "unroutableSince", c.unroutable_reason AS "unroutableReason"`;

export type ResolveResult =
  | { outcome: 'not_found' | 'already_resolved' | 'not_assignee' }
  /** heldBy: the agent whose open assignment ended, if one held it */
  | { outcome: 'resolved'; heldBy: string | null; event: EventRow };

@Injectable()
export class ConversationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async findSummary(id: string, manager: EntityManager = this.dataSource.manager): Promise<ConversationRow | null> {
    const rows: ConversationRow[] = await manager.query(`SELECT ${SUMMARY_COLUMNS} FROM conversations c WHERE c.id = $1`, [id]);
    return rows[0] ?? null;
  }

  /** One page in queue age order (received_at, id); fetch limit + 1 rows to know whether more follow. */
  async findPage(filter: ConversationFilter, after: Keyset | null, fetch: number): Promise<ConversationRow[]> {
    const conditions: string[] = [];
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    if (filter.status) conditions.push(`c.status = ${param(filter.status)}`);
    if (filter.language) conditions.push(`c.language = ${param(filter.language)}`);
    if (filter.channel) conditions.push(`c.channel = ${param(filter.channel)}`);
    if (filter.flightNumber) conditions.push(`c.flight_number = ${param(filter.flightNumber)}`);
    // true walks conversations_unroutable_idx; false is everything not flagged.
    if (filter.unroutable !== undefined) conditions.push(`c.unroutable_since IS ${filter.unroutable ? 'NOT NULL' : 'NULL'}`);
    if (filter.agentId) {
      // A resolved conversation has no assignee any more; it belongs to whoever held it when it was resolved.
      const agent = param(filter.agentId);
      conditions.push(`(c.assigned_agent_id = ${agent} OR (c.status = 'resolved' AND EXISTS (
        SELECT 1 FROM assignments a WHERE a.conversation_id = c.id AND a.agent_id = ${agent} AND a.end_reason = 'resolved')))`);
    }
    if (after) conditions.push(`(c.received_at, c.id) > (${param(after.sortValue)}::timestamptz, ${param(after.id)}::uuid)`);
    const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
    return this.dataSource.query(
      `SELECT ${SUMMARY_COLUMNS} FROM conversations c ${where} ORDER BY c.received_at, c.id LIMIT ${param(fetch)}`,
      params,
    );
  }

  async findOpenForAgent(agentId: string): Promise<ConversationRow[]> {
    return this.dataSource.query(
      `SELECT ${SUMMARY_COLUMNS} FROM conversations c
        WHERE c.assigned_agent_id = $1 AND c.status = 'assigned'
        ORDER BY c.received_at, c.id`,
      [agentId],
    );
  }

  async findMessages(conversationIds: string[]): Promise<MessageRow[]> {
    return this.dataSource.query(
      `SELECT id, conversation_id AS "conversationId", channel, external_id AS "externalId", text, language,
              received_at AS "receivedAt"
         FROM messages WHERE conversation_id = ANY($1::uuid[])
        ORDER BY received_at, created_at, id`,
      [conversationIds],
    );
  }

  async findReplies(conversationIds: string[]): Promise<ReplyRow[]> {
    return this.dataSource.query(
      `SELECT id, conversation_id AS "conversationId", agent_id AS "agentId", author_id AS "authorId", kind,
              template_id AS "templateId", text, delivery_status AS "deliveryStatus", created_at AS "createdAt"
         FROM replies WHERE conversation_id = ANY($1::uuid[])
        ORDER BY created_at, id`,
      [conversationIds],
    );
  }

  async findAssignments(conversationId: string): Promise<AssignmentRow[]> {
    return this.dataSource.query(
      `SELECT id, agent_id AS "agentId", assigned_at AS "assignedAt", ended_at AS "endedAt",
              end_reason AS "endReason", decision_id AS "decisionId"
         FROM assignments WHERE conversation_id = $1
        ORDER BY assigned_at, id`,
      [conversationId],
    );
  }

  async findDecisions(conversationId: string): Promise<DecisionRow[]> {
    return this.dataSource.query(
      `SELECT id, rule_id AS "ruleId", rule_name AS "ruleName", rule_version AS "ruleVersion",
              escalation_step AS "escalationStep", strategy, requirements, candidates,
              chosen_agent_id AS "chosenAgentId", reason, outcome, created_at AS "createdAt"
         FROM routing_decisions WHERE conversation_id = $1
        ORDER BY created_at, id`,
      [conversationId],
    );
  }

  /**
   * Row lock taken first by every write on a conversation (reply, resolve, transfer), so each of
   * them decides on a status and assignee that cannot change before it commits.
   */
  async lockConversation(manager: EntityManager, id: string): Promise<LockedConversation | null> {
    const rows = await preparedQuery<LockedConversation>(
      manager,
      `SELECT id, status, assigned_agent_id AS "assignedAgentId" FROM conversations WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return rows[0] ?? null;
  }

  /**
   * Sets first_response_at to the reply's own timestamp (read in SQL, keeping its microseconds) only
   * when unset; true when this was the first reply.
   */
  async recordFirstResponse(manager: EntityManager, id: string, replyId: string): Promise<boolean> {
    const rows = await modifyReturning<{ id: string }>(
      manager,
      `UPDATE conversations SET first_response_at = (SELECT created_at FROM replies WHERE id = $2)
        WHERE id = $1 AND first_response_at IS NULL RETURNING id`,
      [id, replyId],
    );
    return rows.length > 0;
  }

  /**
   * The agent answered, so the unanswered-reclaim timer of its assignment is moot; clearing it keeps
   * answered assignments out of the reconciler's batch of due reclaims.
   */
  async clearReclaimTimer(manager: EntityManager, id: string): Promise<void> {
    await manager.query(
      `UPDATE assignments SET reclaim_at = NULL WHERE conversation_id = $1 AND ended_at IS NULL AND reclaim_at IS NOT NULL`,
      [id],
    );
  }

  /**
   * Resolves the conversation in one call of `resolve_conversation` (see its migration): locked, checked,
   * its open assignment ended and the event recorded, or the reason it may not be resolved. The call
   * is its own transaction: committed when this returns.
   */
  async resolve(id: string, actorId: string, actorIsManager: boolean): Promise<ResolveResult> {
    const [row] = await preparedQuery<{ outcome: ResolveResult['outcome']; heldBy: string | null; event: StoredEventJson | null }>(
      this.dataSource.manager,
      `SELECT outcome, held_by AS "heldBy", event FROM resolve_conversation($1, $2, $3)`,
      [id, actorId, actorIsManager],
    );
    if (row.outcome !== 'resolved') return { outcome: row.outcome };
    return { outcome: 'resolved', heldBy: row.heldBy, event: storedEvent(row.event!) };
  }
}
