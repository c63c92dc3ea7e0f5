import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { preparedQuery } from '../database/prepared-query';
import { ROUTING_CONNECTION } from '../database/routing-data-source';
import { AGENT_ON_DUTY, agentFitsConversation, STORED_REQUIREMENTS } from './candidate-query';

/** Reads that find work waiting for an agent, and the timers the reconciler must redo. */
@Injectable()
export class WaitingWorkRepository {
  constructor(@InjectDataSource(ROUTING_CONNECTION) private readonly dataSource: DataSource) {}

  /** Free slots of those of the agents who may take work now, together; 0 when none may (away, signed out, off shift, full). */
  async freeSlots(agentIds: string[]): Promise<number> {
    const [{ free }]: { free: number }[] = await this.dataSource.query(
      `SELECT coalesce(sum(a.max_concurrent - a.open_count), 0)::int AS free
         FROM agents a JOIN users u ON u.id = a.user_id
        WHERE a.user_id = ANY($1::uuid[]) AND a.open_count < a.max_concurrent AND ${AGENT_ON_DUTY}`,
      [agentIds],
    );
    return free;
  }

  /**
   * Conversations a decision left waiting for an agent (`awaiting_agent`) that any of these agents
   * may take now, highest priority first, then oldest: one walk of the waiting queue, each row checked
   * against all of them. The limit is bound, not read in the same statement, so the plan stops there.
   */
  async conversationsFor(agentIds: string[], limit: number): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT c.id
         FROM conversations c
        WHERE c.status = 'queued' AND c.awaiting_agent
          AND EXISTS (
                SELECT 1 FROM agents a JOIN users u ON u.id = a.user_id
                 WHERE a.user_id = ANY($1::uuid[]) AND a.open_count < a.max_concurrent AND ${AGENT_ON_DUTY}
                   AND ${agentFitsConversation(STORED_REQUIREMENTS)})
        ORDER BY c.priority DESC, c.received_at, c.id
        LIMIT $2`,
      [agentIds, limit],
    );
    return rows.map((row) => row.id);
  }

  async agentsWithRoom(): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT a.user_id AS id FROM agents a JOIN users u ON u.id = a.user_id
        WHERE a.open_count < a.max_concurrent AND ${AGENT_ON_DUTY}`,
    );
    return rows.map((row) => row.id);
  }

  /**
   * Whether a decision left any conversation waiting because no eligible agent had room. One not yet
   * decided needs no agent to come looking: the routing pump decides it.
   */
  async anyAwaitingAgent(): Promise<boolean> {
    const [{ awaiting }] = await preparedQuery<{ awaiting: boolean }>(
      this.dataSource.manager,
      `SELECT EXISTS (SELECT 1 FROM conversations WHERE status = 'queued' AND awaiting_agent) AS awaiting`,
    );
    return awaiting;
  }

  async queuedConversations(limit: number): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM conversations WHERE status = 'queued' ORDER BY priority DESC, received_at, id LIMIT $1`,
      [limit],
    );
    return rows.map((row) => row.id);
  }

  /** Queued conversations that no decision has looked at since they were queued before `before`. */
  async undecidedSince(before: Date, limit: number): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM conversations WHERE status = 'queued' AND NOT awaiting_agent AND queued_at < $1
        ORDER BY priority DESC, received_at, id LIMIT $2`,
      [before, limit],
    );
    return rows.map((row) => row.id);
  }

  /**
   * Queued conversations last decided under an older ruleset. Their stored requirements may be out
   * of date: a rule changed since may make a signed-in agent eligible for them now.
   */
  async decidedUnderOlderRules(limit: number): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT c.id FROM conversations c CROSS JOIN routing_ruleset s
        WHERE c.status = 'queued' AND c.rule_version < s.version
        ORDER BY c.priority DESC, c.received_at, c.id LIMIT $1`,
      [limit],
    );
    return rows.map((row) => row.id);
  }

  async escalationsDue(limit: number): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM conversations WHERE status = 'queued' AND next_escalation_at <= now() ORDER BY next_escalation_at LIMIT $1`,
      [limit],
    );
    return rows.map((row) => row.id);
  }

  async reclaimsDue(limit: number): Promise<{ conversationId: string; assignmentId: string }[]> {
    return this.dataSource.query(
      `SELECT conversation_id AS "conversationId", id AS "assignmentId" FROM assignments
        WHERE ended_at IS NULL AND reclaim_at <= now() ORDER BY reclaim_at LIMIT $1`,
      [limit],
    );
  }
}
