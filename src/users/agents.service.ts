import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuthUser } from '../common/auth/auth-user';
import { conflict, notFound } from '../common/errors/domain-error';
import { decodeCursor, Page, TIME_AND_UUID, toPage } from '../common/pagination/page';
import { isCheckViolation } from '../database/pg-errors';
import { CommitEffects } from '../database/commit-effects';
import { TransactionRunner } from '../database/transaction-runner';
import { EventsService } from '../events/events.service';
import { OffDutyService } from '../routing/off-duty.service';
import { RoutingScheduler } from '../routing/routing-scheduler';
import { toAgentView } from './agent-view.mapper';
import { AgentsRepository, LockedAgent, NewAgentProfile } from './agents.repository';
import { AgentViewDto } from './dto/agent-view.dto';
import { ListAgentsQueryDto } from './dto/list-agents-query.dto';
import { SettableStatus, UpdateAgentDto } from './dto/update-agent.dto';
import { AgentUser, UsersRepository } from './users.repository';

/** The profile fields an admin (PATCH) or a roster import may set; absent fields stay as they are. */
export interface ProfileChange {
  name?: string;
  languages?: NewAgentProfile['languages'];
  skills?: NewAgentProfile['skills'];
  maxConcurrent?: number;
}

export interface ProfileChangeOutcome {
  /** Names of the fields whose stored value changed (never the values). */
  changed: string[];
  /** Capacity went up: waiting conversations this agent can now take should be routed after commit. */
  maxConcurrentRaised: boolean;
}

export interface AgentUpdateResult extends ProfileChangeOutcome {
  agent: AgentViewDto;
  /** Suspended by this change and signed out: its open conversations must go back to the queue. */
  suspended: boolean;
}

/** Profile changes after which the agent may fit waiting work it did not fit before. */
const WORK_CHANGING_FIELDS = new Set(['maxConcurrent', 'languages', 'skills']);

const CAPACITY_CONSTRAINT = 'agents_open_count_within_capacity';

@Injectable()
export class AgentsService {
  constructor(
    private readonly users: UsersRepository,
    private readonly agents: AgentsRepository,
    private readonly transactions: TransactionRunner,
    private readonly events: EventsService,
    private readonly offDuty: OffDutyService,
    private readonly routing: RoutingScheduler,
  ) {}

  async listAgents(query: ListAgentsQueryDto): Promise<Page<AgentViewDto>> {
    const { kind, status, language, skill, presence, limit } = query;
    const rows = await this.agents.listAgents({ kind, status, language, skill, presence }, decodeCursor(query.cursor, TIME_AND_UUID), limit + 1);
    return toPage(rows, limit, (row) => ({ sortValue: row.sortKey, id: row.user.id }), (row) => toAgentView(row.user));
  }

  async getAgent(agentId: string, manager?: EntityManager): Promise<AgentViewDto> {
    const user = await this.users.findWithProfile(agentId, manager);
    if (!user?.agent) throw notFound('agent', agentId);
    return toAgentView(user as AgentUser);
  }

  /**
   * One transaction under the agent's row lock. After the commit, a suspended agent's returned
   * conversations are routed again, and an agent who can now take more (or other) work is served.
   */
  async updateAgent(actor: AuthUser, agentId: string, dto: UpdateAgentDto): Promise<AgentUpdateResult> {
    return this.transactions
      .run(async (manager, effects) => {
        const current = await this.lockExistingAgent(manager, agentId);
        const profile = await this.applyProfileChange(manager, current, dto);
        const suspended = await this.applyStatusChange(manager, effects, actor, current, dto.status);
        const changed = dto.status !== undefined && dto.status !== current.status ? [...profile.changed, 'status'] : profile.changed;
        if (changed.length > 0) {
          await this.events.record(
            { type: 'agent.updated', actorId: actor.id, subjectType: 'agent', subjectId: agentId, payload: { changed } },
            manager,
          );
        }
        if (profile.maxConcurrentRaised || changed.some((field) => WORK_CHANGING_FIELDS.has(field))) {
          effects.add('serve agent after a profile change', () => this.routing.serveAgent(agentId));
        }
        const agent = await this.getAgent(agentId, manager);
        return { agent, changed, maxConcurrentRaised: profile.maxConcurrentRaised, suspended };
      })
      .catch(rethrowCapacityViolation);
  }

  async approveAgent(actor: AuthUser, agentId: string): Promise<AgentViewDto> {
    return this.transactions.run(async (manager) => {
      const current = await this.lockExistingAgent(manager, agentId);
      if (current.status !== 'pending') throw conflict(`agent ${agentId} is ${current.status}, not pending approval`);
      await this.agents.setStatus(manager, agentId, 'active');
      await this.events.record({ type: 'agent.approved', actorId: actor.id, subjectType: 'agent', subjectId: agentId }, manager);
      return this.getAgent(agentId, manager);
    });
  }

  /**
   * Applies name, languages, skills and maxConcurrent; the caller holds the agent's row lock
   * (lockAgent), so open_count cannot grow between the capacity check and the update.
   */
  async applyProfileChange(manager: EntityManager, current: LockedAgent, change: ProfileChange): Promise<ProfileChangeOutcome> {
    const changed: string[] = [];
    if (change.name !== undefined && change.name !== current.name) {
      await this.agents.setName(manager, current.id, change.name);
      changed.push('name');
    }
    const { maxConcurrent } = change;
    if (maxConcurrent !== undefined && maxConcurrent !== current.maxConcurrent) {
      if (maxConcurrent < current.openCount) {
        throw conflict(
          `maxConcurrent ${maxConcurrent} is below the agent's current load of ${current.openCount} open conversations`,
        );
      }
      await this.agents.setMaxConcurrent(manager, current.id, maxConcurrent);
      changed.push('maxConcurrent');
    }
    changed.push(...(await this.replaceChangedLists(manager, current.id, change)));
    return { changed, maxConcurrentRaised: maxConcurrent !== undefined && maxConcurrent > current.maxConcurrent };
  }

  async lockExistingAgent(manager: EntityManager, agentId: string): Promise<LockedAgent> {
    const current = await this.agents.lockAgent(manager, agentId);
    if (!current) throw notFound('agent', agentId);
    return current;
  }

  private async replaceChangedLists(manager: EntityManager, agentId: string, change: ProfileChange): Promise<string[]> {
    if (change.languages === undefined && change.skills === undefined) return [];
    const stored = await this.agents.findProfileEntries(manager, agentId);
    const changed: string[] = [];
    if (change.languages !== undefined && !sameLevels(stored.languages, change.languages, (l) => l.code)) {
      await this.agents.replaceLanguages(manager, agentId, change.languages);
      changed.push('languages');
    }
    if (change.skills !== undefined && !sameLevels(stored.skills, change.skills, (s) => s.name)) {
      await this.agents.replaceSkills(manager, agentId, change.skills);
      changed.push('skills');
    }
    return changed;
  }

  /**
   * Suspending takes the agent off duty in the same transaction; returns whether this change
   * suspended the agent.
   */
  private async applyStatusChange(
    manager: EntityManager,
    effects: CommitEffects,
    actor: AuthUser,
    current: LockedAgent,
    status: SettableStatus | undefined,
  ): Promise<boolean> {
    if (status === undefined || status === current.status) return false;
    if (current.status === 'expired') {
      throw conflict(`status: agent ${current.id} has expired with its incident's surge; its status can no longer change`);
    }
    if (status === 'active' && current.status === 'pending') {
      throw conflict(`status: agent ${current.id} is pending; approve it with POST /agents/${current.id}/approve`);
    }
    await this.agents.setStatus(manager, current.id, status);
    if (status !== 'suspended') return false;
    await this.offDuty.takeOffDuty(manager, effects, current.id, 'suspended', actor.id);
    return true;
  }
}

function sameLevels<T extends { level: number }>(stored: T[], wanted: T[], keyOf: (item: T) => string): boolean {
  const canonical = (items: T[]) =>
    JSON.stringify(items.map((item) => [keyOf(item), item.level]).sort(([a], [b]) => String(a).localeCompare(String(b))));
  return canonical(stored) === canonical(wanted);
}

/** The lock makes this unreachable in practice; kept so a missed path still answers 409, not 500. */
export function rethrowCapacityViolation(error: unknown): never {
  if (isCheckViolation(error, CAPACITY_CONSTRAINT)) {
    throw conflict("maxConcurrent is below the agent's current load of open conversations");
  }
  throw error;
}

