import { Pool } from 'pg';
import { inTransaction } from '../bench-pool';

/**
 * Agents inserted with SQL (generate_series) and one precomputed password hash: creating them
 * through POST /users would cost one argon2 hash each (~0.5 s on the reference machine), which
 * measures argon2, not routing. Ids are derived from the label and number so every table can be
 * filled from the same series.
 */

export const LANGUAGES = ['en', 'nl', 'de', 'fr', 'es', 'it', 'pt', 'pl', 'sv', 'da', 'fi', 'el', 'tr', 'ja'] as const;

export const SPECIAL_ASSISTANCE = 'special-assistance';

/** Batches of agents: the end-to-end roster and the scaling grid's roster never meet. */
export const AGENT_BATCHES = { endToEnd: 'agent', scaling: 'scale' } as const;

export interface SeededAgent {
  id: string;
  email: string;
  maxConcurrent: number;
}

export interface AgentSeed {
  /** distinguishes this batch's emails and ids from other batches in the same database */
  label: string;
  count: number;
  languages: number;
  capacity: { min: number; max: number };
  presence: 'offline' | 'available';
  passwordHash: string;
}

export function languagesOf(count: number): string[] {
  if (count < 1 || count > LANGUAGES.length) throw new Error(`between 1 and ${LANGUAGES.length} languages`);
  return LANGUAGES.slice(0, count);
}

const ID = (label: string) => `md5('${label}-' || g)::uuid`;

/**
 * Every agent speaks its primary language natively, every second one a second language, every third
 * one English; every third one has special-assistance, which the e2e rule asks for.
 */
export async function seedAgents(db: Pool, seed: AgentSeed): Promise<SeededAgent[]> {
  if (!/^[a-z0-9-]+$/.test(seed.label)) throw new Error('label: lower-case letters, digits and dashes');
  const languages = languagesOf(seed.languages);
  const span = seed.capacity.max - seed.capacity.min + 1;
  const series = `FROM generate_series(1, $1::int) g`;
  return inTransaction(db, async (client) => {
    await client.query(
      `INSERT INTO users (id, email, name, password_hash, role, status)
       SELECT ${ID(seed.label)}, '${seed.label}-' || g || '@bench.surgeline', 'Bench Agent ' || g, $2, 'agent', 'active' ${series}`,
      [seed.count, seed.passwordHash],
    );
    await client.query(
      `INSERT INTO agents (user_id, kind, max_concurrent, presence, signed_in_at)
       SELECT ${ID(seed.label)}, 'staff', $2::int + g % $3::int, $4::text, CASE WHEN $4::text = 'available' THEN now() END ${series}`,
      [seed.count, seed.capacity.min, span, seed.presence],
    );
    await client.query(
      `INSERT INTO agent_languages (agent_id, code, level)
       SELECT ${ID(seed.label)}, ($2::text[])[1 + g % $3], 5 ${series}
       UNION ALL SELECT ${ID(seed.label)}, ($2::text[])[1 + (g * 5 + 3) % $3], 3 + g % 3 ${series} WHERE g % 2 = 0
       UNION ALL SELECT ${ID(seed.label)}, ($2::text[])[1], 4 ${series} WHERE g % 3 = 0
       ON CONFLICT DO NOTHING`,
      [seed.count, languages, languages.length],
    );
    await client.query(
      `INSERT INTO agent_skills (agent_id, name, level)
       SELECT ${ID(seed.label)}, 'rebooking', 1 + g % 5 ${series}
       UNION ALL SELECT ${ID(seed.label)}, 'refunds', 1 + (g * 3) % 5 ${series} WHERE g % 2 = 1
       UNION ALL SELECT ${ID(seed.label)}, '${SPECIAL_ASSISTANCE}', 2 + g % 4 ${series} WHERE g % 3 = 0`,
      [seed.count],
    );
    const rows = await client.query<SeededAgent>(
      `SELECT a.user_id AS id, u.email, a.max_concurrent AS "maxConcurrent"
         FROM agents a JOIN users u ON u.id = a.user_id WHERE u.email LIKE $1 ORDER BY u.email`,
      [`${seed.label}-%@bench.surgeline`],
    );
    return rows.rows;
  });
}

/** Removes a batch and everything that points at its agents (assignments, decisions) so another batch can take over. */
export async function removeAgents(db: Pool, label: string): Promise<void> {
  const pattern = `${label}-%@bench.surgeline`;
  const agentIds = `SELECT id FROM users WHERE email LIKE $1`;
  await db.query(`DELETE FROM assignments WHERE agent_id IN (${agentIds})`, [pattern]);
  await db.query(`DELETE FROM routing_decisions WHERE chosen_agent_id IN (${agentIds})`, [pattern]);
  await db.query(`UPDATE conversations SET status = 'queued', assigned_agent_id = NULL, assigned_at = NULL, awaiting_agent = true WHERE assigned_agent_id IN (${agentIds})`, [
    pattern,
  ]);
  await db.query(`DELETE FROM users WHERE email LIKE $1`, [pattern]);
}
