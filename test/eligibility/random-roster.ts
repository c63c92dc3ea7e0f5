import fc from 'fast-check';
import { Pool, PoolClient } from 'pg';
import { EntityManager } from 'typeorm';
import { AgentSnapshot, exclusionHolds, Requirements, Strategy } from '../../src/routing/engine';
import { provisionTestEnvironment, TestEnvironment } from '../support/test-app';

/**
 * Random rosters for the specs that hold Postgres's queries to the engine's definition of eligibility:
 * the generated facts, the engine's view of them and the rows that store them.
 */

const LANGUAGES = ['en', 'de', 'nl'];
const SKILLS = ['rebooking', 'refunds'];

export interface GeneratedAgent {
  kind: 'staff' | 'volunteer';
  status: AgentSnapshot['status'];
  presence: AgentSnapshot['presence'];
  /** volunteers: whether their incident's surge is on */
  surgeIncident: boolean;
  /** a claimed shift in minutes from now, or none */
  shift: [number, number] | null;
  languages: { code: string; level: number }[];
  skills: { name: string; level: number }[];
  maxConcurrent: number;
  load: number;
  /** unresponsive: minutes from now until it expires (negative: expired already) */
  exclusion: { reason: 'transferred' } | { reason: 'unresponsive'; expiresInMinutes: number } | null;
  lastAssignedMinutesAgo: number | null;
}

const level = fc.integer({ min: 1, max: 5 });
export const agentArb: fc.Arbitrary<GeneratedAgent> = fc
  .record({
    kind: fc.constantFrom('staff' as const, 'volunteer' as const),
    status: fc.constantFrom('active' as const, 'active' as const, 'pending' as const, 'suspended' as const, 'expired' as const),
    presence: fc.constantFrom('available' as const, 'available' as const, 'away' as const, 'offline' as const),
    surgeIncident: fc.boolean(),
    // inside now, over already, or not started yet (including the 15 minutes' early sign-in)
    shift: fc.option(fc.constantFrom<[number, number]>([-60, 60], [-1, 1], [-180, -60], [-120, -1], [10, 120], [1, 60]), { nil: null }),
    languages: fc.uniqueArray(fc.record({ code: fc.constantFrom(...LANGUAGES), level }), { selector: (l) => l.code, maxLength: 3 }),
    skills: fc.uniqueArray(fc.record({ name: fc.constantFrom(...SKILLS), level }), { selector: (s) => s.name, maxLength: 2 }),
    maxConcurrent: fc.integer({ min: 1, max: 4 }),
    loadShare: fc.double({ min: 0, max: 1, noNaN: true }),
    exclusion: fc.constantFrom(
      null,
      null,
      null,
      { reason: 'transferred' as const },
      { reason: 'unresponsive' as const, expiresInMinutes: 20 },
      { reason: 'unresponsive' as const, expiresInMinutes: -5 },
    ),
    lastAssignedMinutesAgo: fc.option(fc.integer({ min: 1, max: 500 }), { nil: null }),
  })
  .map(({ loadShare, ...a }) => ({ ...a, load: Math.min(a.maxConcurrent, Math.floor(loadShare * (a.maxConcurrent + 1))) }));

export const requirementsArb: fc.Arbitrary<Requirements> = fc.record({
  languages: fc.option(fc.uniqueArray(fc.constantFrom(...LANGUAGES), { minLength: 1, maxLength: 3 }), { nil: null }),
  minLanguageLevel: level,
  requiredSkills: fc.uniqueArray(fc.record({ name: fc.constantFrom(...SKILLS), minLevel: level }), { selector: (s) => s.name, maxLength: 2 }),
  agentKinds: fc.constantFrom<AgentSnapshot['kind'][]>(['staff', 'volunteer'], ['staff'], ['volunteer']),
  priority: fc.constant(5),
  strategy: fc.constantFrom<Strategy>('least_loaded', 'longest_idle', 'round_robin'),
  escalationStep: fc.constant(0),
  nextStepAfterSeconds: fc.constant(null),
  reassignAfterSeconds: fc.constant(null),
});

const BASE = Date.parse('2026-01-01T00:00:00Z');

/** The agent as the engine sees it, from the same generated facts (times keep their order). */
export function snapshotOf(id: string, a: GeneratedAgent): AgentSnapshot {
  return {
    id,
    kind: a.kind,
    status: a.status,
    presence: a.presence,
    signedIn: a.presence !== 'offline',
    surgeActive: a.kind === 'volunteer' && a.surgeIncident,
    inShift: a.shift !== null && a.shift[0] <= 0 && a.shift[1] > 0,
    languages: a.languages,
    skills: a.skills,
    load: a.load,
    maxConcurrent: a.maxConcurrent,
    lastAssignedAt: a.lastAssignedMinutesAgo === null ? null : new Date(BASE - a.lastAssignedMinutesAgo * 60_000),
    excluded:
      a.exclusion !== null &&
      exclusionHolds(
        { expiresAt: a.exclusion.reason === 'unresponsive' ? new Date(BASE + a.exclusion.expiresInMinutes * 60_000) : null },
        new Date(BASE),
      ),
  };
}

export async function arrange(client: PoolClient, agents: GeneratedAgent[]): Promise<{ conversationId: string; ids: string[] }> {
  const incidents = await client.query<{ id: string }>(
    `INSERT INTO incidents (name, surge_active, surge_activated_at) VALUES ('surging', true, now()), ('quiet', false, NULL) RETURNING id`,
  );
  const [surging, quiet] = incidents.rows.map((r) => r.id);
  const conversation = await client.query<{ id: string }>(
    `INSERT INTO conversations (channel, handle, language, rule_version, received_at) VALUES ('twitter', '@p', 'en', 1, now()) RETURNING id`,
  );
  const conversationId = conversation.rows[0].id;
  const ids: string[] = [];
  for (const [i, a] of agents.entries()) {
    const user = await client.query<{ id: string }>(
      `INSERT INTO users (email, name, password_hash, role, status) VALUES ($1, 'Agent', 'x', 'agent', $2) RETURNING id`,
      [`agent-${i}@eligibility.test`, a.status],
    );
    const id = user.rows[0].id;
    ids.push(id);
    await client.query(
      `INSERT INTO agents (user_id, kind, incident_id, max_concurrent, open_count, presence, signed_in_at, last_assigned_at)
       VALUES ($1, $2, $3, $4, $5, $6, CASE WHEN $6 <> 'offline' THEN now() END,
               CASE WHEN $7::int IS NULL THEN NULL ELSE now() - make_interval(mins => $7::int) END)`,
      [id, a.kind, a.kind === 'volunteer' ? (a.surgeIncident ? surging : quiet) : null, a.maxConcurrent, a.load, a.presence, a.lastAssignedMinutesAgo],
    );
    for (const l of a.languages) await client.query(`INSERT INTO agent_languages (agent_id, code, level) VALUES ($1, $2, $3)`, [id, l.code, l.level]);
    for (const s of a.skills) await client.query(`INSERT INTO agent_skills (agent_id, name, level) VALUES ($1, $2, $3)`, [id, s.name, s.level]);
    if (a.shift) {
      const shift = await client.query<{ id: string }>(
        `INSERT INTO shifts (starts_at, ends_at, slots, claimed) VALUES (now() + make_interval(mins => $1), now() + make_interval(mins => $2), 1, 1) RETURNING id`,
        a.shift,
      );
      await client.query(
        `INSERT INTO shift_claims (shift_id, agent_id, starts_at, ends_at) SELECT id, $2, starts_at, ends_at FROM shifts WHERE id = $1`,
        [shift.rows[0].id, id],
      );
    }
    if (a.exclusion) {
      const expiresIn = a.exclusion.reason === 'unresponsive' ? a.exclusion.expiresInMinutes : null;
      await client.query(
        `INSERT INTO conversation_exclusions (conversation_id, agent_id, reason, expires_at)
         VALUES ($1, $2, $3, CASE WHEN $4::int IS NULL THEN NULL ELSE now() + make_interval(mins => $4::int) END)`,
        [conversationId, id, a.exclusion.reason, expiresIn],
      );
    }
  }
  return { conversationId, ids };
}

/** The agent signed in, available and, as a volunteer, inside a shift of an active surge. */
export const onDuty = (agent: GeneratedAgent): GeneratedAgent => ({ ...agent, status: 'active', presence: 'available', surgeIncident: true, shift: [-60, 60] });

/** New conversations, each a minute younger than the last (the arranged one is the oldest). */
export async function newerConversations(client: PoolClient, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 1; i <= count; i++) {
    const more = await client.query<{ id: string }>(
      `INSERT INTO conversations (channel, handle, language, rule_version, received_at)
       VALUES ('twitter', $1, 'en', 1, now() + make_interval(mins => $2)) RETURNING id`,
      [`@waiting-${i}`, i],
    );
    ids.push(more.rows[0].id);
  }
  return ids;
}

/**
 * Marks the arranged conversation (the one with the roster's exclusions) and one new one per further requirements, each a
 * minute younger than the last, as waiting for an agent under the given stored requirements.
 */
export async function arrangeWaiting(client: PoolClient, conversationId: string, stored: Requirements[]): Promise<string[]> {
  const ids = [conversationId, ...(await newerConversations(client, stored.length - 1))];
  for (const [i, requirements] of stored.entries()) {
    await client.query(
      `UPDATE conversations SET awaiting_agent = true, req_languages = $2, req_min_language_level = $3, req_skills = $4, req_agent_kinds = $5
        WHERE id = $1`,
      [ids[i], requirements.languages, requirements.minLanguageLevel, JSON.stringify(requirements.requiredSkills), requirements.agentKinds],
    );
  }
  return ids;
}

/** An EntityManager over a transaction's client, for the repositories' plain and prepared statements alike. */
export function transactionManager(client: PoolClient): EntityManager {
  return {
    query: async (sql: string, params: unknown[]) => (await client.query(sql, params)).rows,
    queryRunner: { connect: async () => client },
  } as unknown as EntityManager;
}

/**
 * A test database for the spec file, and a runner that gives each case of a property a transaction
 * rolled back at its end, so every case starts from the empty migrated database.
 */
export function useRolledBackTransactions(): (work: (client: PoolClient) => Promise<void>) => Promise<void> {
  let environment: TestEnvironment;
  let pool: Pool;
  beforeAll(async () => {
    environment = await provisionTestEnvironment();
    pool = new Pool({ connectionString: environment.env.DATABASE_URL, max: 1 });
  });
  afterAll(async () => {
    await pool.end();
    await environment.dispose();
  });
  return async (work) => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await work(client);
    } finally {
      await client.query('ROLLBACK');
      client.release();
    }
  };
}
