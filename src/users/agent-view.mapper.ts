import { AccountViewDto, AgentViewDto } from './dto/agent-view.dto';
import { User } from './user.entity';
import type { AgentUser } from './users.repository';

const byKey = <T>(key: (item: T) => string) => (a: T, b: T) => key(a).localeCompare(key(b));

export function toAccountView(user: User): AccountViewDto {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    status: user.status,
    kind: user.agent?.kind ?? null,
    createdAt: user.createdAt.toISOString(),
  };
}

/** Expects the user loaded with its agent, languages and skills. */
export function toAgentView(user: AgentUser): AgentViewDto {
  const { agent } = user;
  return {
    ...toAccountView(user),
    incidentId: agent.incidentId,
    languages: agent.languages.map(({ code, level }) => ({ code, level })).sort(byKey((l) => l.code)),
    skills: agent.skills.map(({ name, level }) => ({ name, level })).sort(byKey((s) => s.name)),
    maxConcurrent: agent.maxConcurrent,
    load: agent.openCount,
    presence: agent.presence,
    signedInAt: agent.signedInAt?.toISOString() ?? null,
  };
}

export function toAccountOrAgentView(user: User): AccountViewDto | AgentViewDto {
  return user.agent ? toAgentView(user as AgentUser) : toAccountView(user);
}
