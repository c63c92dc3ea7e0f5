import { Keyset } from '../common/pagination/page';
import { AssignmentRow, ConversationRow, DecisionRow, MessageRow, ReplyRow } from './conversation-rows';
import { AssignmentViewDto, RoutingDecisionViewDto, WaitingDecisionViewDto } from './dto/conversation-detail.dto';
import { AgentConversationDto, ConversationSummaryDto, MessageViewDto, ReplyViewDto } from './dto/conversation-summary.dto';

const iso = (date: Date | null): string | null => date?.toISOString() ?? null;

export function toSummary(row: ConversationRow): ConversationSummaryDto {
  return {
    id: row.id,
    channel: row.channel,
    handle: row.handle,
    fromName: row.fromName,
    language: row.language,
    flightNumber: row.flightNumber,
    status: row.status,
    priority: row.priority,
    escalationStep: row.escalationStep,
    receivedAt: row.receivedAt.toISOString(),
    assignedAgentId: row.assignedAgentId,
    assignedAt: iso(row.assignedAt),
    firstResponseAt: iso(row.firstResponseAt),
    resolvedAt: iso(row.resolvedAt),
    unroutable:
      row.unroutableSince === null ? null : { since: row.unroutableSince.toISOString(), reason: row.unroutableReason ?? '' },
  };
}

export const keysetOf = (row: ConversationRow): Keyset => ({ sortValue: row.receivedAtKey, id: row.id });

export function toMessageView(row: MessageRow): MessageViewDto {
  return {
    id: row.id,
    channel: row.channel,
    externalId: row.externalId,
    text: row.text,
    language: row.language,
    receivedAt: row.receivedAt.toISOString(),
  };
}

export function toReplyView(row: ReplyRow): ReplyViewDto {
  return {
    id: row.id,
    kind: row.kind,
    agentId: row.agentId,
    authorId: row.authorId,
    templateId: row.templateId,
    text: row.text,
    deliveryStatus: row.deliveryStatus,
    createdAt: row.createdAt.toISOString(),
  };
}

export function toAssignmentView(row: AssignmentRow): AssignmentViewDto {
  return {
    id: row.id,
    agentId: row.agentId,
    assignedAt: row.assignedAt.toISOString(),
    endedAt: iso(row.endedAt),
    endReason: row.endReason,
    decisionId: row.decisionId,
  };
}

function toDecisionView(row: DecisionRow & { chosenAgentId: string }): RoutingDecisionViewDto {
  return { ...toWaitingView(row), candidates: row.candidates, chosenAgentId: row.chosenAgentId };
}

function toWaitingView(row: DecisionRow): WaitingDecisionViewDto {
  return {
    id: row.id,
    ruleId: row.ruleId,
    ruleName: row.ruleName,
    ruleVersion: row.ruleVersion,
    escalationStep: row.escalationStep,
    strategy: row.strategy,
    requirements: row.requirements,
    reason: row.reason,
    createdAt: row.createdAt.toISOString(),
  };
}

/**
 * The decisions that chose an agent, and, while the conversation is queued and its latest decision
 * found nobody, that decision: why it waits.
 */
export function toDecisionsView(
  decisions: DecisionRow[],
  conversationStatus: string,
): { decisions: RoutingDecisionViewDto[]; waiting: WaitingDecisionViewDto | null } {
  const latest = decisions.at(-1);
  return {
    decisions: decisions.flatMap((row) => (row.chosenAgentId === null ? [] : [toDecisionView({ ...row, chosenAgentId: row.chosenAgentId })])),
    waiting: latest && latest.outcome === 'waiting' && conversationStatus === 'queued' ? toWaitingView(latest) : null,
  };
}

/** Each conversation with its own messages and replies, keeping the order the rows came in. */
export function withThreads(
  conversations: ConversationRow[],
  messages: MessageRow[],
  replies: ReplyRow[],
): AgentConversationDto[] {
  const byConversation = <Row extends { conversationId: string }>(rows: Row[]) => {
    const groups = new Map<string, Row[]>();
    for (const row of rows) groups.set(row.conversationId, [...(groups.get(row.conversationId) ?? []), row]);
    return groups;
  };
  const messagesOf = byConversation(messages);
  const repliesOf = byConversation(replies);
  return conversations.map((row) => ({
    ...toSummary(row),
    messages: (messagesOf.get(row.id) ?? []).map(toMessageView),
    replies: (repliesOf.get(row.id) ?? []).map(toReplyView),
  }));
}
