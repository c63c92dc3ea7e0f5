import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ReplyRow } from './conversation-rows';
import { OutboundDelivery } from './outbound-sender';
import { DeliveryStatus } from './dto/conversation-summary.dto';

export interface NewReply {
  conversationId: string;
  agentId: string;
  text: string;
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
      `INSERT INTO replies (conversation_id, agent_id, text, created_at) VALUES ($1, $2, $3, clock_timestamp())
       RETURNING id, conversation_id AS "conversationId", agent_id AS "agentId", text,
                 delivery_status AS "deliveryStatus", created_at AS "createdAt"`,
      [reply.conversationId, reply.agentId, reply.text],
    );
    return rows[0];
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
