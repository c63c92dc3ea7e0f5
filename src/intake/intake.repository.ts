import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Channel } from './dto/receive-message.dto';
import { ConversationStatus } from './dto/intake-result.dto';

export interface StoredMessageRef {
  conversationId: string;
  messageId: string;
  status: ConversationStatus;
}

export interface OpenConversationRef {
  id: string;
  status: ConversationStatus;
}

export interface NewConversation {
  channel: Channel;
  handle: string;
  fromName: string | null;
  language: string;
  flightNumber: string | null;
  receivedAt: Date;
}

export interface NewMessage {
  conversationId: string;
  channel: Channel;
  externalId: string;
  text: string;
  language: string;
  flightNumber: string | null;
  receivedAt: Date;
}

@Injectable()
export class IntakeRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async findMessage(
    channel: Channel,
    externalId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<StoredMessageRef | null> {
    const rows: StoredMessageRef[] = await manager.query(
      `SELECT m.conversation_id AS "conversationId", m.id AS "messageId", c.status
         FROM messages m JOIN conversations c ON c.id = m.conversation_id
        WHERE m.channel = $1 AND m.external_id = $2`,
      [channel, externalId],
    );
    return rows[0] ?? null;
  }

  /**
   * The sender's open conversation, share-locked so it cannot be resolved before the new message
   * commits (a resolve waits for us; a row resolved meanwhile is re-checked and skipped).
   */
  async lockOpenConversation(manager: EntityManager, channel: Channel, handle: string): Promise<OpenConversationRef | null> {
    const rows: OpenConversationRef[] = await manager.query(
      `SELECT id, status FROM conversations
        WHERE channel = $1 AND handle = $2 AND status <> 'resolved'
        FOR SHARE`,
      [channel, handle],
    );
    return rows[0] ?? null;
  }

  /**
   * Opens a queued conversation, tagged with the incident whose surge is active and the current
   * ruleset version. Returns null when another transaction opened one for the same sender first:
   * `conversations_one_open_per_sender` decides, and ON CONFLICT waits for that transaction to end.
   */
  async insertOpenConversation(manager: EntityManager, conversation: NewConversation): Promise<OpenConversationRef | null> {
    const rows: OpenConversationRef[] = await manager.query(
      `INSERT INTO conversations
              (channel, handle, from_name, language, flight_number, status, priority, received_at,
               incident_id, rule_id, rule_version, req_languages)
       VALUES ($1, $2, $3, $4, $5, 'queued', 5, $6,
               (SELECT id FROM incidents WHERE surge_active),
               NULL,
               (SELECT version FROM routing_ruleset),
               CASE WHEN $4::text = 'und' THEN NULL ELSE ARRAY[$4::text] END)
       ON CONFLICT (channel, handle) WHERE status <> 'resolved' DO NOTHING
       RETURNING id, status`,
      [
        conversation.channel,
        conversation.handle,
        conversation.fromName,
        conversation.language,
        conversation.flightNumber,
        conversation.receivedAt,
      ],
    );
    return rows[0] ?? null;
  }

  /**
   * Inserts the message unless (channel, externalId) exists; `messages_channel_external_id_key`
   * decides between two identical requests, and null means the other one won.
   */
  async insertMessage(manager: EntityManager, message: NewMessage): Promise<string | null> {
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO messages (conversation_id, channel, external_id, text, language, flight_number, received_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT ON CONSTRAINT messages_channel_external_id_key DO NOTHING
       RETURNING id`,
      [
        message.conversationId,
        message.channel,
        message.externalId,
        message.text,
        message.language,
        message.flightNumber,
        message.receivedAt,
      ],
    );
    return rows[0]?.id ?? null;
  }
}
