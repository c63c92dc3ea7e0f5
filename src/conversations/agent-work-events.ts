import { EventViewDto } from '../events/dto/event-view.dto';
import { EventType } from '../events/event-types';

/** The events that change an agent's open work, and the payload field naming that agent. */
const AGENT_FIELD: Partial<Record<EventType, string>> = {
  'conversation.assigned': 'agentId',
  'conversation.requeued': 'agentId',
  'conversation.resolved': 'agentId',
  'conversation.transferred': 'fromAgentId',
};

/** True when the event gives the agent a conversation or takes one from it. */
export function changesWorkOf(agentId: string, event: EventViewDto): boolean {
  const field = AGENT_FIELD[event.type];
  return field !== undefined && event.payload[field] === agentId;
}
