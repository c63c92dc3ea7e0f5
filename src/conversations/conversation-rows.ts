import { Channel } from '../routing/engine/engine.types';
import { AssignmentEndReason } from './dto/conversation-detail.dto';
import { ConversationStatus, DeliveryStatus, ReplyKind } from './dto/conversation-summary.dto';

/** Rows as the repositories read them; the mapper turns them into response DTOs. */

export interface ConversationRow {
  id: string;
  channel: Channel;
  handle: string;
  fromName: string | null;
  language: string;
  flightNumber: string | null;
  status: ConversationStatus;
  priority: number;
  escalationStep: number;
  receivedAt: Date;
  /** received_at at full (microsecond) precision, for keyset cursors */
  receivedAtKey: string;
  assignedAgentId: string | null;
  assignedAt: Date | null;
  firstResponseAt: Date | null;
  resolvedAt: Date | null;
  unroutableSince: Date | null;
  unroutableReason: string | null;
}

export interface MessageRow {
  id: string;
  conversationId: string;
  channel: Channel;
  externalId: string;
  text: string;
  language: string;
  receivedAt: Date;
}

export interface ReplyRow {
  id: string;
  conversationId: string;
  agentId: string | null;
  authorId: string | null;
  kind: ReplyKind;
  templateId: string | null;
  text: string;
  deliveryStatus: DeliveryStatus;
  createdAt: Date;
}

export interface AssignmentRow {
  id: string;
  agentId: string;
  assignedAt: Date;
  endedAt: Date | null;
  endReason: AssignmentEndReason | null;
  decisionId: string;
}

export interface DecisionRow {
  id: string;
  ruleId: string | null;
  ruleName: string;
  ruleVersion: number;
  escalationStep: number;
  strategy: string;
  requirements: Record<string, unknown>;
  candidates: Record<string, unknown>[];
  /** null when the decision found no agent (outcome `waiting`) */
  chosenAgentId: string | null;
  reason: string;
  outcome: 'assigned' | 'waiting';
  createdAt: Date;
}

/** The state a write decides on, read under the conversation's row lock. */
export interface LockedConversation {
  id: string;
  status: ConversationStatus;
  assignedAgentId: string | null;
}

export interface ConversationFilter {
  status?: ConversationStatus;
  language?: string;
  channel?: Channel;
  agentId?: string;
  flightNumber?: string;
  unroutable?: boolean;
}
