import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ConversationStatus } from './dto/conversation-summary.dto';

export interface NoteRow {
  id: string;
  authorId: string;
  authorName: string;
  text: string;
  createdAt: Date;
}

export interface PreviousConversationRow {
  id: string;
  status: ConversationStatus;
  receivedAt: Date;
  resolvedAt: Date | null;
  agentName: string | null;
}

/** How many earlier conversations of a sender a conversation shows. */
const HISTORY_LIMIT = 10;

@Injectable()
export class NotesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insertNote(manager: EntityManager, conversationId: string, authorId: string, text: string): Promise<NoteRow> {
    const rows: NoteRow[] = await manager.query(
      `WITH note AS (
         INSERT INTO conversation_notes (conversation_id, author_id, text) VALUES ($1, $2, $3)
         RETURNING id, author_id, text, created_at
       )
       SELECT note.id, note.author_id AS "authorId", u.name AS "authorName", note.text, note.created_at AS "createdAt"
         FROM note JOIN users u ON u.id = note.author_id`,
      [conversationId, authorId, text],
    );
    return rows[0];
  }

  async findNotes(conversationId: string): Promise<NoteRow[]> {
    return this.dataSource.query(
      `SELECT n.id, n.author_id AS "authorId", u.name AS "authorName", n.text, n.created_at AS "createdAt"
         FROM conversation_notes n JOIN users u ON u.id = n.author_id
        WHERE n.conversation_id = $1 ORDER BY n.created_at, n.id`,
      [conversationId],
    );
  }

  /** Earlier conversations of the same (channel, handle), newest first (conversations_sender_idx). */
  async findPreviousConversations(conversationId: string): Promise<PreviousConversationRow[]> {
    return this.dataSource.query(
      `SELECT p.id, p.status, p.received_at AS "receivedAt", p.resolved_at AS "resolvedAt",
              (SELECT u.name FROM assignments a JOIN users u ON u.id = a.agent_id
                WHERE a.conversation_id = p.id ORDER BY a.assigned_at DESC, a.id DESC LIMIT 1) AS "agentName"
         FROM conversations c
         JOIN conversations p ON p.channel = c.channel AND p.handle = c.handle AND p.id <> c.id AND p.received_at < c.received_at
        WHERE c.id = $1
        ORDER BY p.received_at DESC, p.id DESC
        LIMIT ${HISTORY_LIMIT}`,
      [conversationId],
    );
  }
}
