import { describe, expect, it } from 'vitest';
import { applyWorkEvent, type Conversation, latestPassengerText, threadOf, waitingSince } from './work-list';

const ME = '11111111-1111-4111-8111-111111111111';
const OTHER = '22222222-2222-4222-8222-222222222222';

function conversation(id: string, overrides: Partial<Conversation> = {}): Conversation {
  return {
    id,
    channel: 'twitter',
    handle: '@passenger',
    fromName: null,
    language: 'nl',
    flightNumber: null,
    status: 'assigned',
    priority: 0,
    escalationStep: 0,
    receivedAt: '2024-11-22T10:00:00.000Z',
    assignedAgentId: ME as unknown as Conversation['assignedAgentId'],
    assignedAt: null,
    firstResponseAt: null,
    resolvedAt: null,
    unroutable: null,
    messages: [{ id: `${id}-m1`, channel: 'twitter', externalId: '1', text: 'first', language: 'nl', receivedAt: '2024-11-22T10:00:00.000Z' }],
    replies: [],
    ...overrides,
  };
}

const event = (type: string, subjectId: string, payload: Record<string, unknown>) => ({ type, subjectId, payload }) as Parameters<typeof applyWorkEvent>[1];

describe('applyWorkEvent', () => {
  const list = [conversation('a'), conversation('b')];

  it('reads the list again when a new conversation is assigned to the agent', () => {
    const update = applyWorkEvent(list, event('conversation.assigned', 'c', { agentId: ME }), ME);
    expect(update).toEqual({ list, refetch: true });
  });

  it('does not read again for a conversation already listed', () => {
    expect(applyWorkEvent(list, event('conversation.assigned', 'a', { agentId: ME }), ME).refetch).toBe(false);
  });

  it.each([
    ['conversation.requeued', { agentId: ME }],
    ['conversation.resolved', { agentId: ME }],
    ['conversation.transferred', { fromAgentId: ME, toAgentId: null }],
  ])('takes a conversation off the list at once on %s', (type, payload) => {
    const update = applyWorkEvent(list, event(type, 'a', payload), ME);
    expect(update.list.map((c) => c.id)).toEqual(['b']);
    expect(update.refetch).toBe(false);
  });

  it("ignores events about another agent's work and other event types", () => {
    expect(applyWorkEvent(list, event('conversation.resolved', 'a', { agentId: OTHER }), ME)).toEqual({ list, refetch: false });
    expect(applyWorkEvent(list, event('conversation.assigned', 'c', { agentId: OTHER }), ME)).toEqual({ list, refetch: false });
    expect(applyWorkEvent(list, event('conversation.replied', 'a', { agentId: ME }), ME)).toEqual({ list, refetch: false });
  });
});

describe('threads', () => {
  const reply = (id: string, createdAt: string): Conversation['replies'][number] =>
    ({ id, kind: 'reply', agentId: ME, authorId: ME, templateId: null, text: id, deliveryStatus: 'delivered', createdAt }) as Conversation['replies'][number];
  const message = (id: string, receivedAt: string) => ({ id, channel: 'twitter' as const, externalId: id, text: id, language: 'nl', receivedAt });

  it('merges messages and replies oldest first', () => {
    const thread = threadOf({
      messages: [message('m2', '2024-11-22T10:05:00Z'), message('m1', '2024-11-22T10:00:00Z')],
      replies: [reply('r1', '2024-11-22T10:02:00Z')],
    });
    expect(thread.map((entry) => entry.text)).toEqual(['m1', 'r1', 'm2']);
  });

  it('shows the latest passenger text and waits from the first unanswered message', () => {
    const c = { messages: [message('m1', '2024-11-22T10:00:00Z'), message('m2', '2024-11-22T10:05:00Z'), message('m3', '2024-11-22T10:06:00Z')], replies: [reply('r1', '2024-11-22T10:02:00Z')] };
    expect(latestPassengerText(c)).toBe('m3');
    expect(waitingSince(c)).toBe('2024-11-22T10:05:00Z');
    expect(waitingSince({ messages: c.messages, replies: [reply('r2', '2024-11-22T10:07:00Z')] })).toBeNull();
    expect(waitingSince({ messages: c.messages, replies: [] })).toBe('2024-11-22T10:00:00Z');
  });
});
