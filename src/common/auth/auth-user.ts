import type { AgentKind } from '../../users/agent.entity';
import type { Role } from '../../users/user.entity';

/** The caller as the auth guard established it for this request. */
export interface AuthUser {
  id: string;
  email: string;
  role: Role;
  kind: AgentKind | null;
}

/** What the auth guard sets on a request it let through. */
export interface AuthenticatedRequest {
  user: AuthUser;
  /** The browser session the request came with; null for a bearer token. */
  sessionId: string | null;
}
