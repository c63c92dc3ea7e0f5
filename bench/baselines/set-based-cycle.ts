import { mkdtemp, rm, writeFile } from 'fs/promises';
import { tmpdir } from 'os';
import { join } from 'path';
import { SetBasedCycleBaseline, SetBasedCycleRun } from '../result';
import { perSecond } from '../stats';
import { AGENTS, connectionEnv, LANGUAGES, parsePgbenchOutput, pgbenchThreads, runPgbench, runSql } from './pgbench';

/**
 * The set-based ceiling: what Postgres does when a whole batch goes through the conversation's
 * life in one transaction, each step one statement over the batch (no HTTP, no Bull, no per-row
 * round trips). The per-assignment script measures the shape the service has; this one measures
 * the shape it could have if routing decided in batches.
 */

/** Conversations taken in, assigned and resolved per transaction. */
export const CYCLE_BATCH = 100;

const T = {
  agents: 'bench_pg_cycle_agents',
  conversations: 'bench_pg_cycle_conversations',
  decisions: 'bench_pg_cycle_decisions',
  assignments: 'bench_pg_cycle_assignments',
  events: 'bench_pg_cycle_events',
};

/**
 * One transaction: take `batch` conversations in, assign `batch` queued ones, resolve `batch`
 * assigned ones, each step one statement writing an event per conversation.
 *
 * Assignment fills the least-loaded agents first: every free place of an agent of the language is
 * a slot ranked by the load the agent would have after taking it, and the language's n-th queued
 * conversation takes its n-th slot, so a batch spreads over agents as one-by-one least-loaded
 * picks would. Every lock is taken with SKIP LOCKED (conversations and agents another client holds
 * are left to it), so no statement ever waits and clients cannot deadlock; a client that finds
 * everything taken assigns or resolves fewer, which is why the bench counts resolved rows rather
 * than multiplying transactions by the batch.
 */
export function setBasedCycleScript(batch: number): string {
  const intake = `WITH received AS (
  INSERT INTO ${T.conversations} (language) SELECT 1 + floor(random() * ${LANGUAGES})::int FROM generate_series(1, ${batch}) RETURNING id)
INSERT INTO ${T.events} (type, conversation_id) SELECT 'conversation.received', id FROM received;`;
  const assign = `WITH queued AS MATERIALIZED (
  SELECT id, language, row_number() OVER (PARTITION BY language ORDER BY id) AS n
    FROM (SELECT id, language FROM ${T.conversations} WHERE status = 'queued' ORDER BY id LIMIT ${batch} FOR UPDATE SKIP LOCKED) picked),
free AS MATERIALIZED (
  SELECT id, language, load, capacity FROM ${T.agents}
   WHERE load < capacity AND language IN (SELECT language FROM queued) FOR UPDATE SKIP LOCKED),
slots AS (
  SELECT f.id AS agent_id, f.language, row_number() OVER (PARTITION BY f.language ORDER BY level, f.id) AS n
    FROM free f CROSS JOIN LATERAL generate_series(f.load + 1, f.capacity) AS level),
matched AS MATERIALIZED (SELECT q.id AS conversation_id, s.agent_id FROM queued q JOIN slots s USING (language, n)),
decided AS (INSERT INTO ${T.decisions} (conversation_id, agent_id) SELECT conversation_id, agent_id FROM matched),
assigned AS (INSERT INTO ${T.assignments} (conversation_id, agent_id) SELECT conversation_id, agent_id FROM matched),
moved AS (
  UPDATE ${T.conversations} c SET status = 'assigned', agent_id = m.agent_id, assigned_at = now()
    FROM matched m WHERE c.id = m.conversation_id),
loaded AS (
  UPDATE ${T.agents} a SET load = a.load + m.n
    FROM (SELECT agent_id, count(*)::int AS n FROM matched GROUP BY agent_id) m WHERE a.id = m.agent_id)
INSERT INTO ${T.events} (type, conversation_id) SELECT 'conversation.assigned', conversation_id FROM matched;`;
  const resolve = `WITH done AS MATERIALIZED (
  SELECT c.id, c.agent_id FROM ${T.conversations} c JOIN ${T.agents} a ON a.id = c.agent_id
   WHERE c.status = 'assigned' ORDER BY c.id LIMIT ${batch} FOR UPDATE OF c, a SKIP LOCKED),
closed AS (UPDATE ${T.conversations} c SET status = 'resolved', resolved_at = now() FROM done d WHERE c.id = d.id),
freed AS (
  UPDATE ${T.agents} a SET load = a.load - d.n
    FROM (SELECT agent_id, count(*)::int AS n FROM done GROUP BY agent_id) d WHERE a.id = d.agent_id)
INSERT INTO ${T.events} (type, conversation_id) SELECT 'conversation.resolved', id FROM done;`;
  return ['BEGIN;', intake, assign, resolve, 'END;', ''].join('\n');
}

const SETUP_SQL = [
  `DROP TABLE IF EXISTS ${T.events}, ${T.assignments}, ${T.decisions}, ${T.conversations}, ${T.agents}`,
  `CREATE TABLE ${T.agents} (id int PRIMARY KEY, language int NOT NULL, load int NOT NULL, capacity int NOT NULL,
     CHECK (load BETWEEN 0 AND capacity))`,
  `INSERT INTO ${T.agents} SELECT g, 1 + g % ${LANGUAGES}, 0, 2 + g % 9 FROM generate_series(1, ${AGENTS}) g`,
  `CREATE INDEX ${T.agents}_language_load_idx ON ${T.agents} (language, load)`,
  `CREATE TABLE ${T.conversations} (id bigserial PRIMARY KEY, language int NOT NULL, status text NOT NULL DEFAULT 'queued',
     agent_id int REFERENCES ${T.agents} (id), received_at timestamptz NOT NULL DEFAULT now(), assigned_at timestamptz, resolved_at timestamptz)`,
  `CREATE INDEX ${T.conversations}_queued_idx ON ${T.conversations} (id) WHERE status = 'queued'`,
  `CREATE INDEX ${T.conversations}_assigned_idx ON ${T.conversations} (id) WHERE status = 'assigned'`,
  `CREATE TABLE ${T.decisions} (id bigserial PRIMARY KEY, conversation_id bigint NOT NULL REFERENCES ${T.conversations} (id),
     agent_id int NOT NULL REFERENCES ${T.agents} (id), decided_at timestamptz NOT NULL DEFAULT now())`,
  `CREATE TABLE ${T.assignments} (id bigserial PRIMARY KEY, conversation_id bigint NOT NULL REFERENCES ${T.conversations} (id),
     agent_id int NOT NULL REFERENCES ${T.agents} (id), assigned_at timestamptz NOT NULL DEFAULT now())`,
  `CREATE TABLE ${T.events} (id bigserial PRIMARY KEY, type text NOT NULL, conversation_id bigint NOT NULL, at timestamptz NOT NULL DEFAULT now())`,
  `VACUUM ANALYZE ${T.agents}`,
];

const RESOLVED_SQL = `SELECT count(*)::int AS resolved FROM ${T.conversations} WHERE status = 'resolved'`;

/** The best run by conversations resolved per second: the ceiling the service is compared with. */
export function bestCycleRate(runs: SetBasedCycleRun[]): number {
  return runs.reduce((best, run) => Math.max(best, run.conversationsPerSecond), 0);
}

export async function runSetBasedCycleBaseline(
  databaseUrl: string,
  settings: { clients: number[]; seconds: number },
  progress: (line: string) => void,
): Promise<SetBasedCycleBaseline> {
  const dir = await mkdtemp(join(tmpdir(), 'surgeline-pgbench-cycle-'));
  const runs: SetBasedCycleRun[] = [];
  try {
    const file = join(dir, 'set-based-cycle.sql');
    await writeFile(file, setBasedCycleScript(CYCLE_BATCH));
    for (const clients of settings.clients) {
      await runSql(databaseUrl, SETUP_SQL);
      const args = ['-n', '-M', 'prepared', '-f', file, '-c', String(clients), '-j', String(pgbenchThreads(clients)), '-T', String(settings.seconds)];
      const output = await runPgbench(args, connectionEnv(databaseUrl));
      const [{ resolved }] = await runSql<{ resolved: number }>(databaseUrl, [RESOLVED_SQL]);
      const run = { clients, seconds: settings.seconds, ...parsePgbenchOutput(output), conversations: resolved, conversationsPerSecond: perSecond(resolved, settings.seconds, 0) };
      progress(`pgbench set-based full cycle, ${clients} client(s): ${run.tps} tx/s, ${run.conversationsPerSecond} conversations/s`);
      runs.push(run);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return { batch: CYCLE_BATCH, runs, ceilingConversationsPerSecond: bestCycleRate(runs) };
}
