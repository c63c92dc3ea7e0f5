import type { Schemas } from '../api/client';

export type Conversation = Schemas['AgentConversationDto'];
export type WorkEvent = Pick<Schemas['EventViewDto'], 'type' | 'subjectId' | 'payload'>;

/** The payload field naming the agent whose work an event changes (as the service routes them to streams). */
const AGENT_FIELD: Record<string, string> = {
  'conversation.assigned': 'agentId',
  'conversation.requeued': 'agentId',
  'conversation.resolved': 'agentId',
  'conversation.transferred': 'fromAgentId',
};

export interface WorkListUpdate {
  /** The list to show now. */
  list: Conversation[];
  /** Whether GET /me/conversations must be read again (a new conversation: the event carries no passenger text). */
  refetch: boolean;
}

/**
 * The live list after one event of the agent's work stream: a conversation assigned to the agent means
 * reading the list again; one requeued, transferred or resolved away from the agent leaves at once.
 */
export function applyWorkEvent(list: Conversation[], event: WorkEvent, agentId: string): WorkListUpdate {
  const field = AGENT_FIELD[event.type];
  if (!field || event.payload[field] !== agentId || !event.subjectId) return { list, refetch: false };
  if (event.type === 'conversation.assigned') return { list, refetch: !list.some((c) => c.id === event.subjectId) };
  return { list: list.filter((conversation) => conversation.id !== event.subjectId), refetch: false };
}

export type ThreadEntry =
  | { kind: 'message'; id: string; text: string; at: string }
  | { kind: 'reply'; id: string; text: string; at: string; agentId: string | null };

/** Messages and replies in one thread, oldest first (a message and a reply at the same instant: the message first). */
export function threadOf(conversation: Pick<Conversation, 'messages' | 'replies'>): ThreadEntry[] {
  const entries: ThreadEntry[] = [
    ...conversation.messages.map((m): ThreadEntry => ({ kind: 'message', id: m.id, text: m.text, at: m.receivedAt })),
    ...conversation.replies.map((r): ThreadEntry => ({ kind: 'reply', id: r.id, text: r.text, at: r.createdAt, agentId: r.agentId })),
  ];
  const order = (entry: ThreadEntry) => (entry.kind === 'message' ? 0 : 1);
  return entries.sort((a, b) => new Date(a.at).getTime() - new Date(b.at).getTime() || order(a) - order(b));
}

/** The passenger's most recent message text ('' when there is none). */
export function latestPassengerText(conversation: Pick<Conversation, 'messages'>): string {
  const latest = [...conversation.messages].sort((a, b) => new Date(b.receivedAt).getTime() - new Date(a.receivedAt).getTime())[0];
  return latest?.text ?? '';
}

/** Since when the passenger has been waiting: their first message after the last reply; null when answered. */
export function waitingSince(conversation: Pick<Conversation, 'messages' | 'replies'>): string | null {
  const lastReply = Math.max(0, ...conversation.replies.map((r) => new Date(r.createdAt).getTime()));
  const unanswered = conversation.messages
    .map((m) => m.receivedAt)
    .filter((at) => new Date(at).getTime() > lastReply)
    .sort((a, b) => new Date(a).getTime() - new Date(b).getTime());
  return unanswered[0] ?? null;
}

/** Oldest waiting first, so the passenger who waited longest is at the top. */
export function byWaitingTime(a: Conversation, b: Conversation): number {
  return new Date(a.receivedAt).getTime() - new Date(b.receivedAt).getTime();
}
