import { EventViewDto } from '../events/dto/event-view.dto';
import { EventType } from '../events/event-types';
import { AgentConcern } from '../events/events.repository';

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

/** The stored events that change the agent's work, as a replay narrows them in SQL. */
export function workConcerning(agentId: string): AgentConcern {
  return {
    agentId,
    types: Object.keys(AGENT_FIELD) as EventType[],
    fields: [...new Set(Object.values(AGENT_FIELD))],
  };
}
