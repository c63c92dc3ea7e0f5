import { AuthUser } from '../common/auth/auth-user';
import { forbidden } from '../common/errors/domain-error';
import { LockedConversation } from './conversation-rows';

export const isManager = (user: AuthUser): boolean => user.role === 'admin' || user.role === 'incident_manager';

export const isAssignedTo = (conversation: Pick<LockedConversation, 'status' | 'assignedAgentId'>, user: AuthUser) =>
  conversation.status === 'assigned' && conversation.assignedAgentId === user.id;

/** Managers may act on any conversation; an agent only on the one assigned to it now. */
export function assertManagerOrAssignee(conversation: LockedConversation, user: AuthUser): void {
  if (isManager(user) || isAssignedTo(conversation, user)) return;
  throw forbidden(`conversation ${conversation.id} is not assigned to you`);
}
