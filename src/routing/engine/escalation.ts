import { Requirements } from './engine.types';

/** When the next escalation step falls due, for scheduling a delayed job; null when none is left. */
export function nextEscalationAt(requirements: Requirements, receivedAt: Date): Date | null {
  if (requirements.nextStepAfterSeconds === null) return null;
  return new Date(receivedAt.getTime() + requirements.nextStepAfterSeconds * 1000);
}

/** When an assignment without a first reply goes back to the queue; null when the route never does. */
export function reassignAt(requirements: Requirements, assignedAt: Date): Date | null {
  if (requirements.reassignAfterSeconds === null) return null;
  return new Date(assignedAt.getTime() + requirements.reassignAfterSeconds * 1000);
}
