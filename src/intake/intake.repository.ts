import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { preparedQuery } from '../database/prepared-query';
import { Channel } from './dto/receive-message.dto';
import { ConversationStatus } from './dto/intake-result.dto';

/** Raised (23505) when (channel, externalId) was already stored; the statement storing it rolls back. */
export const MESSAGE_ALREADY_STORED_CONSTRAINT = 'messages_channel_external_id_key';

export interface StoredMessageRef {
  conversationId: string;
  messageId: string;
  status: ConversationStatus;
}

export interface ThreadedMessageRef extends StoredMessageRef {
  /** True when the message opened its conversation, which then still has to be routed. */
  opened: boolean;
}

export interface OpenConversationRef {
  id: string;
  status: ConversationStatus;
}

/** A passenger message as intake stores it; its sender's fields also open a conversation when needed. */
export interface IncomingMessage {
  channel: Channel;
  externalId: string;
  handle: string;
  fromName: string | null;
  text: string;
  language: string;
  flightNumber: string | null;
  receivedAt: Date;
}

/**
 * A queued conversation tagged with the incident whose surge is active and the current ruleset
 * version, from $1 channel, $2 handle, $3 from name, $4 language, $5 flight number, $6 received at.
 * Shared by both ways of storing a message so a conversation opens the same way in either.
 */
const INSERT_OPEN_CONVERSATION = `
  INSERT INTO conversations
         (channel, handle, from_name, language, flight_number, status, priority, received_at,
          incident_id, rule_id, rule_version, req_languages)
  SELECT $1, $2, $3, $4, $5, 'queued', 5, $6,
         (SELECT id FROM incidents WHERE surge_active),
         NULL,
         (SELECT version FROM routing_ruleset),
         CASE WHEN $4::text = 'und' THEN NULL ELSE ARRAY[$4::text] END`;

/** `conversations_one_open_per_sender` decides between racing first messages; ON CONFLICT waits for the other to end. */
const UNLESS_SENDER_HAS_OPEN_CONVERSATION = `ON CONFLICT (channel, handle) WHERE status <> 'resolved' DO NOTHING`;

const conversationParams = (message: IncomingMessage) => [
  message.channel,
  message.handle,
  message.fromName,
  message.language,
  message.flightNumber,
  message.receivedAt,
];

@Injectable()
export class IntakeRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async findMessage(channel: Channel, externalId: string): Promise<StoredMessageRef | null> {
    const rows: StoredMessageRef[] = await this.dataSource.query(
      `SELECT m.conversation_id AS "conversationId", m.id AS "messageId", c.status
         FROM messages m JOIN conversations c ON c.id = m.conversation_id
        WHERE m.channel = $1 AND m.external_id = $2`,
      [channel, externalId],
    );
    return rows[0] ?? null;
  }

  /**
   * Stores the message in its sender's open conversation, opening one when there is none, in one
   * autocommitted statement. The open conversation is share-locked so it cannot be resolved before
   * the message commits. A duplicate raises MESSAGE_ALREADY_STORED_CONSTRAINT and rolls back a
   * conversation opened for it. Null when a concurrent first message of the same sender committed
   * its conversation after this statement's snapshot: the insert yields to it, so nothing is stored.
   */
  async storeThreadedMessage(message: IncomingMessage): Promise<ThreadedMessageRef | null> {
    const rows = await preparedQuery<ThreadedMessageRef>(
      this.dataSource.manager,
      `WITH existing AS (
         SELECT id, status FROM conversations
          WHERE channel = $1 AND handle = $2 AND status <> 'resolved'
          FOR SHARE
       ), opened AS (
         ${INSERT_OPEN_CONVERSATION}
          WHERE NOT EXISTS (SELECT 1 FROM existing)
         ${UNLESS_SENDER_HAS_OPEN_CONVERSATION}
         RETURNING id, status
       ), target AS (
         SELECT id, status, false AS opened FROM existing
         UNION ALL
         SELECT id, status, true AS opened FROM opened
       ), stored AS (
         INSERT INTO messages (conversation_id, channel, external_id, text, language, flight_number, received_at)
         SELECT id, $1, $7, $8, $4, $5, $6 FROM target
         RETURNING id, conversation_id
       )
       SELECT stored.conversation_id AS "conversationId", stored.id AS "messageId", target.status, target.opened
         FROM stored JOIN target ON target.id = stored.conversation_id`,
      [...conversationParams(message), message.externalId, message.text],
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

  /** Opens a queued conversation; null when another transaction opened one for the same sender first. */
  async insertOpenConversation(manager: EntityManager, message: IncomingMessage): Promise<OpenConversationRef | null> {
    const rows: OpenConversationRef[] = await manager.query(
      `${INSERT_OPEN_CONVERSATION}
       ${UNLESS_SENDER_HAS_OPEN_CONVERSATION}
       RETURNING id, status`,
      conversationParams(message),
    );
    return rows[0] ?? null;
  }

  /** Inserts the message; a duplicate raises MESSAGE_ALREADY_STORED_CONSTRAINT and aborts the transaction. */
  async insertMessage(manager: EntityManager, conversationId: string, message: IncomingMessage): Promise<string> {
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO messages (conversation_id, channel, external_id, text, language, flight_number, received_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       RETURNING id`,
      [
        conversationId,
        message.channel,
        message.externalId,
        message.text,
        message.language,
        message.flightNumber,
        message.receivedAt,
      ],
    );
    return rows[0].id;
  }
}
