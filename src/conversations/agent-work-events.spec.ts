import { EventViewDto } from '../events/dto/event-view.dto';
import { EventType } from '../events/event-types';
import { agentWhoseWorkChanges } from './agent-work-events';

const ME = '11111111-1111-4111-8111-111111111111';

const event = (type: EventType, payload: Record<string, unknown>): EventViewDto => ({
  id: '1',
  type,
  actorId: null,
  subjectType: 'conversation',
  subjectId: '33333333-3333-4333-8333-333333333333',
  payload,
  at: '2026-11-23T00:00:00.000Z',
});

describe('agentWhoseWorkChanges', () => {
  it.each<[EventType, Record<string, unknown>]>([
    ['conversation.assigned', { agentId: ME, ruleId: null }],
    ['conversation.requeued', { agentId: ME, reason: 'signed_out' }],
    ['conversation.resolved', { agentId: ME }],
    ['conversation.transferred', { fromAgentId: ME, requirements: {} }],
  ])('%s names the agent whose work changes', (type, payload) => {
    expect(agentWhoseWorkChanges(event(type, payload))).toBe(ME);
  });

  it.each<[EventType, Record<string, unknown>]>([
    ['conversation.resolved', { agentId: null }],
    ['conversation.transferred', { agentId: ME }],
    ['conversation.replied', { agentId: ME }],
    ['agent.signed_in', { agentId: ME }],
  ])('%s with %j names none', (type, payload) => {
    expect(agentWhoseWorkChanges(event(type, payload))).toBeNull();
  });
});
