import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Keyset } from '../common/pagination/page';
import { AgentLanguage } from './agent-language.entity';
import { AgentSkill } from './agent-skill.entity';
import { Agent, AgentKind, Presence } from './agent.entity';
import { AccountStatus, Role, User } from './user.entity';
import type { AgentUser } from './users.repository';

export interface NewAgentProfile {
  kind: AgentKind;
  incidentId: string | null;
  maxConcurrent: number;
  languages: { code: string; level: number }[];
  skills: { name: string; level: number }[];
}

export interface AgentFilters {
  kind?: AgentKind;
  status?: AccountStatus;
  language?: string;
  skill?: string;
  presence?: Presence;
}

/** An agent read for the list, with the exact (microsecond) keyset position of its row. */
export interface ListedAgent {
  user: AgentUser;
  sortKey: string;
}

/** The agent and account columns a change decides on, read under the agent's row lock. */
export interface LockedAgent {
  id: string;
  name: string;
  status: AccountStatus;
  kind: AgentKind;
  maxConcurrent: number;
  openCount: number;
  presence: Presence;
}

export interface AccountByEmail {
  id: string;
  role: Role;
  kind: AgentKind | null;
  /** true while the account still has the placeholder hash an import without password gave it. */
  hasNoPassword: boolean;
}

/** Stored for imported accounts without a password: not an argon2 encoding, so no password verifies. */
export const NO_PASSWORD_HASH = '!no-password-set';

interface AgentRow {
  id: string;
  email: string;
  name: string;
  role: Role;
  status: AccountStatus;
  createdAt: Date;
  updatedAt: Date;
  sortKey: string;
  kind: AgentKind;
  incidentId: string | null;
  maxConcurrent: number;
  openCount: number;
  presence: Presence;
  signedInAt: Date | null;
  lastAssignedAt: Date | null;
}

interface ProfileEntryRow {
  agentId: string;
  facet: 'language' | 'skill';
  key: string;
  level: number;
}

@Injectable()
export class AgentsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insertProfile(manager: EntityManager, userId: string, profile: NewAgentProfile): Promise<void> {
    await manager.insert(Agent, {
      userId,
      kind: profile.kind,
      incidentId: profile.incidentId,
      maxConcurrent: profile.maxConcurrent,
      presence: 'offline',
    });
    await this.replaceLanguages(manager, userId, profile.languages);
    await this.replaceSkills(manager, userId, profile.skills);
  }

  async replaceLanguages(manager: EntityManager, agentId: string, languages: NewAgentProfile['languages']): Promise<void> {
    await manager.delete(AgentLanguage, { agentId });
    if (languages.length > 0) {
      await manager.insert(AgentLanguage, languages.map(({ code, level }) => ({ agentId, code, level })));
    }
  }

  async replaceSkills(manager: EntityManager, agentId: string, skills: NewAgentProfile['skills']): Promise<void> {
    await manager.delete(AgentSkill, { agentId });
    if (skills.length > 0) {
      await manager.insert(AgentSkill, skills.map(({ name, level }) => ({ agentId, name, level })));
    }
  }

  /**
   * One page of agents in (created_at, id) order after `after`, filters as EXISTS so an agent
   * with several matching languages still appears once; `take` rows at most.
   */
  async listAgents(filters: AgentFilters, after: Keyset | null, take: number): Promise<ListedAgent[]> {
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    const conditions: string[] = [];
    if (filters.kind) conditions.push(`a.kind = ${param(filters.kind)}`);
    if (filters.status) conditions.push(`u.status = ${param(filters.status)}`);
    if (filters.presence) conditions.push(`a.presence = ${param(filters.presence)}`);
    if (filters.language) {
      conditions.push(`EXISTS (SELECT 1 FROM agent_languages l WHERE l.agent_id = a.user_id AND l.code = ${param(filters.language)})`);
    }
    if (filters.skill) {
      conditions.push(`EXISTS (SELECT 1 FROM agent_skills s WHERE s.agent_id = a.user_id AND s.name = ${param(filters.skill)})`);
    }
    if (after) conditions.push(`(u.created_at, u.id) > (${param(after.sortValue)}::timestamptz, ${param(after.id)}::uuid)`);
    const rows: AgentRow[] = await this.dataSource.query(
      `${SELECT_AGENT_ROWS}
        ${conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : ''}
        ORDER BY u.created_at, u.id
        LIMIT ${param(take)}`,
      params,
    );
    const users = await this.withProfiles(this.dataSource.manager, rows);
    return users.map((user, index) => ({ user, sortKey: rows[index].sortKey }));
  }

  /** Locks the agent row (the row routing claims lock too) and reads the account with it. */
  async lockAgent(manager: EntityManager, agentId: string): Promise<LockedAgent | null> {
    const rows: LockedAgent[] = await manager.query(
      `SELECT u.id, u.name, u.status, a.kind, a.max_concurrent AS "maxConcurrent", a.open_count AS "openCount", a.presence
         FROM agents a JOIN users u ON u.id = a.user_id
        WHERE a.user_id = $1
          FOR UPDATE OF a, u`,
      [agentId],
    );
    return rows[0] ?? null;
  }

  /** Languages and skills of one agent as stored now, to tell a real change from a repeat. */
  async findProfileEntries(manager: EntityManager, agentId: string): Promise<Pick<NewAgentProfile, 'languages' | 'skills'>> {
    const entries = await this.findProfileEntriesOf(manager, [agentId]);
    return {
      languages: entries.filter((e) => e.facet === 'language').map((e) => ({ code: e.key, level: e.level })),
      skills: entries.filter((e) => e.facet === 'skill').map((e) => ({ name: e.key, level: e.level })),
    };
  }

  async setName(manager: EntityManager, agentId: string, name: string): Promise<void> {
    await manager.query(`UPDATE users SET name = $2, updated_at = now() WHERE id = $1`, [agentId, name]);
  }

  async setStatus(manager: EntityManager, agentId: string, status: AccountStatus): Promise<void> {
    await manager.query(`UPDATE users SET status = $2, updated_at = now() WHERE id = $1`, [agentId, status]);
  }

  async setPasswordHash(manager: EntityManager, agentId: string, passwordHash: string): Promise<void> {
    await manager.query(`UPDATE users SET password_hash = $2, updated_at = now() WHERE id = $1`, [agentId, passwordHash]);
  }

  /** Raising or lowering capacity; agents_open_count_within_capacity refuses a value below the load. */
  async setMaxConcurrent(manager: EntityManager, agentId: string, maxConcurrent: number): Promise<void> {
    await manager.query(`UPDATE agents SET max_concurrent = $2 WHERE user_id = $1`, [agentId, maxConcurrent]);
  }

  async findAccountByEmail(manager: EntityManager, email: string): Promise<AccountByEmail | null> {
    const rows: AccountByEmail[] = await manager.query(
      `SELECT u.id, u.role, a.kind, u.password_hash = $2 AS "hasNoPassword"
         FROM users u LEFT JOIN agents a ON a.user_id = u.id
        WHERE lower(u.email) = lower($1)`,
      [email, NO_PASSWORD_HASH],
    );
    return rows[0] ?? null;
  }

  /**
   * The incident whose surge is on, share-locked: a deactivation (which updates that row) waits
   * until this transaction commits, so it also expires a volunteer created here.
   */
  async findActiveSurgeIncidentId(manager: EntityManager): Promise<string | null> {
    const rows: { id: string }[] = await manager.query(`SELECT id FROM incidents WHERE surge_active FOR SHARE`);
    return rows[0]?.id ?? null;
  }

  /** Languages and skills of every listed agent in one query (no query per agent). */
  private async withProfiles(manager: EntityManager, rows: AgentRow[]): Promise<AgentUser[]> {
    const entriesByAgent = new Map<string, ProfileEntryRow[]>(rows.map((row) => [row.id, []]));
    for (const entry of await this.findProfileEntriesOf(manager, rows.map((row) => row.id))) {
      entriesByAgent.get(entry.agentId)!.push(entry);
    }
    return rows.map((row) => toAgentUser(row, entriesByAgent.get(row.id)!));
  }

  private async findProfileEntriesOf(manager: EntityManager, agentIds: string[]): Promise<ProfileEntryRow[]> {
    if (agentIds.length === 0) return [];
    return manager.query(
      `SELECT agent_id AS "agentId", 'language' AS facet, code AS key, level FROM agent_languages WHERE agent_id = ANY($1::uuid[])
       UNION ALL
       SELECT agent_id, 'skill', name, level FROM agent_skills WHERE agent_id = ANY($1::uuid[])`,
      [agentIds],
    );
  }
}

const SELECT_AGENT_ROWS = `
  SELECT u.id, u.email, u.name, u.role, u.status, u.created_at AS "createdAt", u.updated_at AS "updatedAt",
         to_char(u.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "sortKey",
         a.kind, a.incident_id AS "incidentId", a.max_concurrent AS "maxConcurrent", a.open_count AS "openCount",
         a.presence, a.signed_in_at AS "signedInAt", a.last_assigned_at AS "lastAssignedAt"
    FROM agents a JOIN users u ON u.id = a.user_id`;

function toAgentUser(row: AgentRow, entries: ProfileEntryRow[]): AgentUser {
  const agent = Object.assign(new Agent(), {
    userId: row.id,
    kind: row.kind,
    incidentId: row.incidentId,
    maxConcurrent: row.maxConcurrent,
    openCount: row.openCount,
    presence: row.presence,
    signedInAt: row.signedInAt,
    lastAssignedAt: row.lastAssignedAt,
    languages: entries
      .filter((entry) => entry.facet === 'language')
      .map((entry) => Object.assign(new AgentLanguage(), { agentId: row.id, code: entry.key, level: entry.level })),
    skills: entries
      .filter((entry) => entry.facet === 'skill')
      .map((entry) => Object.assign(new AgentSkill(), { agentId: row.id, name: entry.key, level: entry.level })),
  });
  const { id, email, name, role, status, createdAt, updatedAt } = row;
  return Object.assign(new User(), { id, email, name, role, status, createdAt, updatedAt, agent });
}
