import { Injectable } from '@nestjs/common';
import { AuthUser } from '../common/auth/auth-user';
import { notFound } from '../common/errors/domain-error';
import { decodeCursor, Page, TIME_AND_UUID, toPage } from '../common/pagination/page';
import { assertManagerOrAssignee } from './conversation-access';
import {
  keysetOf,
  toAssignmentView,
  toDecisionsView,
  toSummary,
  withThreads,
} from './conversation-view.mapper';
import { ConversationsRepository } from './conversations.repository';
import { ConversationDetailDto } from './dto/conversation-detail.dto';
import { AgentConversationDto, ConversationSummaryDto } from './dto/conversation-summary.dto';
import { ListConversationsQueryDto } from './dto/list-conversations.dto';
import { NotesService } from './notes.service';
import { normaliseFlightNumber } from '../intake/flight-number';

/** What agents and managers read about conversations. */
@Injectable()
export class ConversationsService {
  constructor(
    private readonly conversations: ConversationsRepository,
    private readonly notes: NotesService,
  ) {}

  /** The caller's open conversations, oldest first, each with its thread. */
  async listMine(agent: AuthUser): Promise<AgentConversationDto[]> {
    const rows = await this.conversations.findOpenForAgent(agent.id);
    if (rows.length === 0) return [];
    const ids = rows.map((row) => row.id);
    const [messages, replies] = await Promise.all([this.conversations.findMessages(ids), this.conversations.findReplies(ids)]);
    return withThreads(rows, messages, replies);
  }

  async list(query: ListConversationsQueryDto): Promise<Page<ConversationSummaryDto>> {
    const after = decodeCursor(query.cursor, TIME_AND_UUID);
    const { status, language, channel, agentId } = query;
    const flightNumber = query.flightNumber === undefined ? undefined : (normaliseFlightNumber(query.flightNumber) ?? undefined);
    const rows = await this.conversations.findPage({ status, language, channel, agentId, flightNumber, unroutable: query.unroutable }, after, query.limit + 1);
    return toPage(rows, query.limit, keysetOf, toSummary);
  }

  async detail(user: AuthUser, id: string): Promise<ConversationDetailDto> {
    const row = await this.conversations.findSummary(id);
    if (!row) throw notFound('conversation', id);
    assertManagerOrAssignee(row, user);
    const [messages, replies, assignments, decisions, notesAndHistory] = await Promise.all([
      this.conversations.findMessages([id]),
      this.conversations.findReplies([id]),
      this.conversations.findAssignments(id),
      this.conversations.findDecisions(id),
      this.notes.notesAndHistory(id),
    ]);
    return {
      ...withThreads([row], messages, replies)[0],
      assignments: assignments.map(toAssignmentView),
      ...toDecisionsView(decisions, row.status),
      ...notesAndHistory,
    };
  }
}

