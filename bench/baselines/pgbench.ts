import { execFile } from 'child_process';
import { existsSync } from 'fs';
import { mkdtemp, rm, writeFile } from 'fs/promises';
import { cpus, tmpdir } from 'os';
import { join } from 'path';
import { Client } from 'pg';
import { PgbenchRun, PgbenchScript } from '../result';

/**
 * The Postgres routing ceiling: the shape of one assignment transaction with nothing around it
 * (no HTTP, no Bull, no ORM), on small tables of its own in the bench database.
 */

const FALLBACK_PGBENCH = '/usr/lib/postgresql/15/bin/pgbench';
export const AGENTS = 300;
export const LANGUAGES = 14;

/**
 * Lowers a random agent's load first so the table stays in balance, then picks the least-loaded
 * agent of a language with room the way the claim does (SKIP LOCKED: never wait on another
 * decision's agent), raises its load and records the assignment. Only the first UPDATE can wait,
 * and it runs before this transaction holds any lock, so clients never deadlock.
 */
export const ASSIGNMENT_SCRIPT = `\\set lang random(1, ${LANGUAGES})
\\set other random(1, ${AGENTS})
BEGIN;
UPDATE bench_pg_agents SET load = load - 1 WHERE id = :other AND load > 0;
SELECT coalesce((SELECT id FROM bench_pg_agents WHERE language = :lang AND load < capacity ORDER BY load LIMIT 1 FOR UPDATE SKIP LOCKED), 0) AS picked \\gset
UPDATE bench_pg_agents SET load = load + 1 WHERE id = :picked;
INSERT INTO bench_pg_assignments (agent_id, conversation_id) SELECT :picked, :other WHERE :picked > 0;
END;
`;

/**
 * The same transaction with the pg_notify every service write does through EventsService.record:
 * Postgres serializes the commits of notifying transactions, which bounds the service below the
 * plain ceiling. Measured separately so the report shows how much.
 */
export const ASSIGNMENT_NOTIFY_SCRIPT = ASSIGNMENT_SCRIPT.replace(
  'END;',
  "SELECT pg_notify('bench_pg_events', :picked::text);\nEND;",
);

export const PGBENCH_SCRIPTS: Record<PgbenchScript, string> = {
  assignment: ASSIGNMENT_SCRIPT,
  'assignment+notify': ASSIGNMENT_NOTIFY_SCRIPT,
};

const SETUP_SQL = [
  `DROP TABLE IF EXISTS bench_pg_assignments, bench_pg_agents`,
  `CREATE TABLE bench_pg_agents (id int PRIMARY KEY, language int NOT NULL, load int NOT NULL, capacity int NOT NULL,
     CHECK (load BETWEEN 0 AND capacity))`,
  `INSERT INTO bench_pg_agents SELECT g, 1 + g % ${LANGUAGES}, (2 + g % 9) / 2, 2 + g % 9 FROM generate_series(1, ${AGENTS}) g`,
  `CREATE INDEX bench_pg_agents_least_loaded_idx ON bench_pg_agents (language, load)`,
  `CREATE TABLE bench_pg_assignments (id bigserial PRIMARY KEY, agent_id int NOT NULL REFERENCES bench_pg_agents (id),
     conversation_id bigint NOT NULL, assigned_at timestamptz NOT NULL DEFAULT now())`,
  `VACUUM ANALYZE bench_pg_agents`,
];

export function pgbenchPath(): string {
  const onPath = (process.env.PATH ?? '').split(':').map((dir) => join(dir, 'pgbench')).find((path) => existsSync(path));
  if (onPath) return onPath;
  if (existsSync(FALLBACK_PGBENCH)) return FALLBACK_PGBENCH;
  throw new Error('pgbench not found on PATH nor at ' + FALLBACK_PGBENCH);
}

const numberAfter = (output: string, pattern: RegExp): number => {
  const match = output.match(pattern);
  if (!match) throw new Error(`pgbench output has no ${pattern.source}:\n${output}`);
  return Number(match[1]);
};

/** Reads the figures from pgbench's summary (PostgreSQL 15 wording). */
export function parsePgbenchOutput(output: string): Pick<PgbenchRun, 'transactions' | 'tps' | 'latencyAverageMs'> {
  return {
    transactions: numberAfter(output, /number of transactions actually processed: (\d+)/),
    latencyAverageMs: numberAfter(output, /latency average = ([\d.]+) ms/),
    tps: Math.round(numberAfter(output, /tps = ([\d.]+)/) * 10) / 10,
  };
}

export function connectionEnv(databaseUrl: string): NodeJS.ProcessEnv {
  const url = new URL(databaseUrl);
  return {
    ...process.env,
    PGHOST: url.hostname,
    PGPORT: url.port || '5432',
    PGUSER: decodeURIComponent(url.username || 'postgres'),
    PGDATABASE: decodeURIComponent(url.pathname.slice(1)),
    ...(url.password ? { PGPASSWORD: decodeURIComponent(url.password) } : {}),
  };
}

export function runPgbench(args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(pgbenchPath(), args, { env, maxBuffer: 1 << 20 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`pgbench failed: ${error.message}\n${stderr}`));
      else resolve(`${stdout}\n${stderr}`);
    });
  });
}

/** Runs statements one by one on a connection of its own; returns the last one's rows. */
export async function runSql<Row extends object = Record<string, unknown>>(databaseUrl: string, statements: string[]): Promise<Row[]> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    let rows: Row[] = [];
    for (const statement of statements) rows = (await client.query<Row>(statement)).rows;
    return rows;
  } finally {
    await client.end();
  }
}

/** pgbench's threads: one per client up to one per core. */
export const pgbenchThreads = (clients: number): number => Math.max(1, Math.min(clients, cpus().length));

export async function runPgbenchBaseline(
  databaseUrl: string,
  settings: { clients: number[]; seconds: number },
  progress: (line: string) => void,
): Promise<PgbenchRun[]> {
  const dir = await mkdtemp(join(tmpdir(), 'surgeline-pgbench-'));
  const runs: PgbenchRun[] = [];
  try {
    for (const [script, text] of Object.entries(PGBENCH_SCRIPTS) as [PgbenchScript, string][]) {
      const file = join(dir, `${script.replace('+', '-')}.sql`);
      await writeFile(file, text);
      for (const clients of settings.clients) {
        await runSql(databaseUrl, SETUP_SQL);
        const args = ['-n', '-M', 'prepared', '-f', file, '-c', String(clients), '-j', String(pgbenchThreads(clients)), '-T', String(settings.seconds)];
        const output = await runPgbench(args, connectionEnv(databaseUrl));
        const run = { script, clients, seconds: settings.seconds, ...parsePgbenchOutput(output) };
        progress(`pgbench ${script}, ${clients} clients: ${run.tps} tx/s, avg ${run.latencyAverageMs} ms`);
        runs.push(run);
      }
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return runs;
}
