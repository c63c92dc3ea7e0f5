import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ReplyRow } from './conversation-rows';
import { OutboundDelivery } from './outbound-sender';
import { DeliveryStatus, ReplyKind } from './dto/conversation-summary.dto';
import { Channel } from '../routing/engine/engine.types';

export interface NewReply {
  conversationId: string;
  /** the agent replying; null for a manager's flight reply or the service's acknowledgement */
  agentId: string | null;
  /** who sent it; null for an acknowledgement */
  authorId: string | null;
  kind?: ReplyKind;
  templateId?: string | null;
  text: string;
}

const REPLY_COLUMNS = `id, conversation_id AS "conversationId", agent_id AS "agentId", author_id AS "authorId", kind,
  template_id AS "templateId", text, delivery_status AS "deliveryStatus", created_at AS "createdAt"`;

/** What choosing and filling a new conversation's acknowledgement looks at. */
export interface AcknowledgementFacts {
  status: 'queued' | 'assigned' | 'resolved';
  channel: Channel;
  language: string;
  /** the first message, for the rule's keywords */
  text: string;
  flightNumber: string | null;
  fromName: string | null;
  surgeActive: boolean;
  acknowledged: boolean;
  /** the ruleset whose rule names the acknowledgement, read in the same round trip */
  rulesetVersion: number;
}

export type PendingDelivery = OutboundDelivery & { deliveryStatus: DeliveryStatus };

@Injectable()
export class RepliesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Stamped with the clock at insert, not the transaction's start: the caller holds the
   * conversation's lock, so replies are stamped in the order they were accepted.
   */
  async insertReply(manager: EntityManager, reply: NewReply): Promise<ReplyRow> {
    const rows: ReplyRow[] = await manager.query(
      `INSERT INTO replies (conversation_id, agent_id, author_id, kind, template_id, text, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, clock_timestamp())
       RETURNING ${REPLY_COLUMNS}`,
      [reply.conversationId, reply.agentId, reply.authorId, reply.kind ?? 'reply', reply.templateId ?? null, reply.text],
    );
    return rows[0];
  }

  /** One reply to each of several conversations (a flight reply), in one statement. */
  async insertReplies(manager: EntityManager, replies: NewReply[]): Promise<ReplyRow[]> {
    if (replies.length === 0) return [];
    return manager.query(
      `INSERT INTO replies (conversation_id, agent_id, author_id, kind, template_id, text, created_at)
       SELECT r.conversation_id, r.agent_id, r.author_id, r.kind, r.template_id, r.text, clock_timestamp()
         FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::uuid[], $6::text[])
              AS r(conversation_id, agent_id, author_id, kind, template_id, text)
       RETURNING ${REPLY_COLUMNS}`,
      [
        replies.map((r) => r.conversationId),
        replies.map((r) => r.agentId),
        replies.map((r) => r.authorId),
        replies.map((r) => r.kind ?? 'reply'),
        replies.map((r) => r.templateId ?? null),
        replies.map((r) => r.text),
      ],
    );
  }

  /** What an approved answer is filled with for a conversation, replied to by `authorId`. */
  async answerContext(
    conversationId: string,
    authorId: string | null,
  ): Promise<{ language: string; fromName: string | null; flightNumber: string | null; authorName: string | null }> {
    const rows = await this.dataSource.query(
      `SELECT c.language, c.from_name AS "fromName", c.flight_number AS "flightNumber",
              (SELECT name FROM users WHERE id = $2) AS "authorName"
         FROM conversations c WHERE c.id = $1`,
      [conversationId, authorId],
    );
    return rows[0];
  }

  async acknowledgementFacts(conversationId: string): Promise<AcknowledgementFacts | null> {
    const rows: AcknowledgementFacts[] = await this.dataSource.query(
      `SELECT c.status, c.channel, c.language, c.flight_number AS "flightNumber", c.from_name AS "fromName",
              (SELECT m.text FROM messages m WHERE m.conversation_id = c.id ORDER BY m.received_at, m.id LIMIT 1) AS text,
              EXISTS (SELECT 1 FROM incidents WHERE surge_active) AS "surgeActive",
              EXISTS (SELECT 1 FROM replies r WHERE r.conversation_id = c.id AND r.kind = 'acknowledgement') AS acknowledged,
              (SELECT version FROM routing_ruleset) AS "rulesetVersion"
         FROM conversations c WHERE c.id = $1`,
      [conversationId],
    );
    return rows[0] ?? null;
  }

  async hasAcknowledgement(manager: EntityManager, conversationId: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `SELECT 1 FROM replies WHERE conversation_id = $1 AND kind = 'acknowledgement'`,
      [conversationId],
    );
    return rows.length > 0;
  }

  /** What the outbound sender needs: the reply and where its conversation came from. */
  async findDelivery(replyId: string): Promise<PendingDelivery | null> {
    const rows: PendingDelivery[] = await this.dataSource.query(
      `SELECT r.id AS "replyId", r.conversation_id AS "conversationId", c.channel, c.handle, r.text,
              r.delivery_status AS "deliveryStatus"
         FROM replies r JOIN conversations c ON c.id = r.conversation_id
        WHERE r.id = $1`,
      [replyId],
    );
    return rows[0] ?? null;
  }

  async markDelivered(replyId: string, attempts: number): Promise<void> {
    await this.dataSource.query(
      `UPDATE replies SET delivery_status = 'delivered', delivered_at = now(), delivery_attempts = $2
        WHERE id = $1 AND delivery_status = 'pending'`,
      [replyId, attempts],
    );
  }

  /** Counts a failed attempt; after the last one the reply is given up as failed. */
  async recordFailedAttempt(replyId: string, attempts: number, final: boolean): Promise<void> {
    await this.dataSource.query(
      `UPDATE replies SET delivery_attempts = $2, delivery_status = CASE WHEN $3 THEN 'failed' ELSE delivery_status END
        WHERE id = $1 AND delivery_status = 'pending'`,
      [replyId, attempts, final],
    );
  }

  /** Replies still waiting for delivery, oldest first: rebuilds the outbound queue after a Redis loss. */
  async findPendingIds(limit: number): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM replies WHERE delivery_status = 'pending' ORDER BY created_at LIMIT $1`,
      [limit],
    );
    return rows.map((row) => row.id);
  }
}
