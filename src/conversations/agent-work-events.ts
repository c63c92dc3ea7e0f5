import { EventViewDto } from '../events/dto/event-view.dto';
import { EventType } from '../events/event-types';

/** The events that change an agent's open work, and the payload field naming that agent. */
const AGENT_FIELD: Partial<Record<EventType, string>> = {
  'conversation.assigned': 'agentId',
  'conversation.requeued': 'agentId',
  'conversation.resolved': 'agentId',
  'conversation.transferred': 'fromAgentId',
};

/** The agent the event gives a conversation to or takes one from; null for any other event. */
export function agentWhoseWorkChanges(event: EventViewDto): string | null {
  const field = AGENT_FIELD[event.type];
  const agentId = field === undefined ? undefined : event.payload[field];
  return typeof agentId === 'string' ? agentId : null;
}
