import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuthUser } from '../common/auth/auth-user';
import { notFound } from '../common/errors/domain-error';
import { TransactionRunner } from '../database/transaction-runner';
import { assertManagerOrAssignee } from './conversation-access';
import { ConversationsRepository } from './conversations.repository';
import { NoteViewDto, PreviousConversationDto } from './dto/note.dto';
import { NoteRow, NotesRepository, PreviousConversationRow } from './notes.repository';

export const toNoteView = (row: NoteRow): NoteViewDto => ({
  id: row.id,
  author: { id: row.authorId, name: row.authorName },
  text: row.text,
  createdAt: row.createdAt.toISOString(),
});

export const toPreviousConversation = (row: PreviousConversationRow): PreviousConversationDto => ({
  id: row.id,
  status: row.status,
  receivedAt: row.receivedAt.toISOString(),
  resolvedAt: row.resolvedAt?.toISOString() ?? null,
  agentName: row.agentName,
});

/** Internal notes on a conversation: for the desk only, never sent, logged or counted. */
@Injectable()
export class NotesService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly conversations: ConversationsRepository,
    private readonly notes: NotesRepository,
  ) {}

  async addNote(user: AuthUser, conversationId: string, text: string): Promise<NoteViewDto> {
    const row = await this.transactions.run(async (manager) => {
      const conversation = await this.conversations.lockConversation(manager, conversationId);
      if (!conversation) throw notFound('conversation', conversationId);
      assertManagerOrAssignee(conversation, user);
      return this.notes.insertNote(manager, conversationId, user.id, text);
    });
    return toNoteView(row);
  }

  /** In the caller's transaction (a transfer keeps its note as one). */
  async addNoteIn(manager: EntityManager, conversationId: string, authorId: string, text: string): Promise<void> {
    await this.notes.insertNote(manager, conversationId, authorId, text);
  }

  async notesAndHistory(conversationId: string): Promise<{ notes: NoteViewDto[]; previousConversations: PreviousConversationDto[] }> {
    const [notes, previous] = await Promise.all([this.notes.findNotes(conversationId), this.notes.findPreviousConversations(conversationId)]);
    return { notes: notes.map(toNoteView), previousConversations: previous.map(toPreviousConversation) };
  }
}
