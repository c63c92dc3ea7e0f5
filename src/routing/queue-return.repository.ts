import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { modifyReturning } from '../database/returning';
import { TransferRequirements } from './engine/engine.types';

export type ReturnReason = 'signed_out' | 'transferred' | 'unresponsive' | 'surge_ended' | 'suspended';

export interface ReturnedConversation {
  conversationId: string;
  agentId: string;
}

/**
 * Puts assigned conversations back in the queue. Always called inside the caller's transaction,
 * so the agent's state change and the requeue commit together; received_at is never touched,
 * which keeps the conversation's original age (and place) in the queue.
 */
@Injectable()
export class QueueReturnRepository {
  /** Signs the agent out; whether it was signed in. */
  async signOut(manager: EntityManager, agentId: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `UPDATE agents SET presence = 'offline', signed_in_at = NULL WHERE user_id = $1 AND presence <> 'offline' RETURNING user_id`,
      [agentId],
    );
    return rows.length > 0;
  }

  /** Every open conversation of the agent goes back (sign-out, suspension, surge end). */
  async returnAgentConversations(
    manager: EntityManager,
    agentId: string,
    reason: ReturnReason,
  ): Promise<ReturnedConversation[]> {
    const rows: { id: string }[] = await manager.query(
      `SELECT id FROM conversations WHERE assigned_agent_id = $1 AND status = 'assigned' ORDER BY id FOR UPDATE`,
      [agentId],
    );
    return this.returnConversations(manager, rows.map((row) => row.id), reason);
  }

  /**
   * Ends the open assignment of each conversation and queues it again. For a transfer or an
   * unresponsive agent, that agent is excluded so the conversation never goes back to it.
   */
  async returnConversations(
    manager: EntityManager,
    conversationIds: string[],
    reason: ReturnReason,
    transfer: TransferRequirements | null = null,
    /** unresponsive only: how long the agent stays excluded (it also ends when the agent signs in again) */
    exclusionMinutes: number | null = null,
  ): Promise<ReturnedConversation[]> {
    if (conversationIds.length === 0) return [];
    const ended = await modifyReturning<ReturnedConversation>(
      manager,
      `UPDATE assignments SET ended_at = now(), end_reason = $2
        WHERE conversation_id = ANY($1::uuid[]) AND ended_at IS NULL
        RETURNING conversation_id AS "conversationId", agent_id AS "agentId"`,
      [conversationIds, reason],
    );
    if (reason === 'transferred' || reason === 'unresponsive') {
      // A transfer excludes for good (expires_at NULL); not answering, until the expiry. Whatever
      // was there before, an exclusion for good stays one, and a new expiry replaces an older one.
      const expiresAt = reason === 'unresponsive' ? (exclusionMinutes ?? 0) : null;
      await manager.query(
        `INSERT INTO conversation_exclusions (conversation_id, agent_id, reason, expires_at)
         SELECT conversation_id, agent_id, $3,
                CASE WHEN $4::int IS NULL THEN NULL ELSE now() + make_interval(mins => $4::int) END
           FROM unnest($1::uuid[], $2::uuid[]) AS e(conversation_id, agent_id)
         ON CONFLICT (conversation_id, agent_id) DO UPDATE
            SET reason = CASE WHEN conversation_exclusions.expires_at IS NULL THEN conversation_exclusions.reason ELSE EXCLUDED.reason END,
                expires_at = CASE WHEN conversation_exclusions.expires_at IS NULL OR EXCLUDED.expires_at IS NULL THEN NULL
                                  ELSE EXCLUDED.expires_at END`,
        [ended.map((row) => row.conversationId), ended.map((row) => row.agentId), reason, expiresAt],
      );
    }
    await manager.query(
      `UPDATE conversations
          SET status = 'queued', assigned_agent_id = NULL, assigned_at = NULL, queued_at = now(),
              transfer_requirements = COALESCE($2::jsonb, transfer_requirements)
        WHERE id = ANY($1::uuid[]) AND status <> 'resolved'`,
      [conversationIds, transfer ? JSON.stringify(transfer) : null],
    );
    return ended;
  }
}
