import { spawn } from 'child_process';
import { mkdtemp, readdir, readFile, rm } from 'fs/promises';
import Redis from 'ioredis';
import { tmpdir } from 'os';
import { join } from 'path';
import { Client } from 'pg';
import { BenchResult, missingFigures } from '../../bench/result';

const ROOT = join(__dirname, '..', '..');

function runBench(args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', join(ROOT, 'bench', 'run.ts'), ...args], {
      cwd: ROOT,
      env: process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000));
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('exit', (code) => resolve({ code, output }));
  });
}

/**
 * The bench in its smallest configuration, so it cannot rot unnoticed: it must finish, write a
 * result with a number in every section, and leave no database or Redis keys behind. Timings
 * are not asserted; they depend on the machine.
 */
describe('npm run bench -- --smoke', () => {
  let resultsDir: string;
  let run: { code: number | null; output: string };
  let result: BenchResult;

  beforeAll(async () => {
    resultsDir = await mkdtemp(join(tmpdir(), 'surgeline-bench-smoke-'));
    run = await runBench(['--smoke', '--results-dir', resultsDir]);
    const files = await readdir(resultsDir);
    if (files.length === 1) result = JSON.parse(await readFile(join(resultsDir, files[0]), 'utf8'));
  }, 150_000);

  afterAll(async () => {
    await rm(resultsDir, { recursive: true, force: true });
  });

  it('finishes and writes one result file with every figure a number', () => {
    expect({ code: run.code, output: run.code === 0 ? '' : run.output }).toEqual({ code: 0, output: '' });
    expect(result).toBeDefined();
    expect(missingFigures(result)).toEqual([]);
    expect(result.profile).toBe('smoke');
  });

  it('measured each section: baselines, both phases end to end, and every grid cell', () => {
    expect(result.baselines.pgbench.runs.map((r) => `${r.script} ${r.clients}`)).toEqual([
      'assignment 4',
      'assignment 8',
      'assignment+notify 4',
      'assignment+notify 8',
    ]);
    expect(result.baselines.pgbench.runs.every((r) => r.transactions > 0)).toBe(true);
    expect(result.baselines.setBasedCycle?.runs.every((r) => r.conversations > 0)).toBe(true);
    expect(result.baselines.bull.jobs).toBe(result.config.bull.jobs);

    const [endToEnd] = result.endToEnd;
    expect(endToEnd.processes).toBe(1);
    expect(endToEnd.phases.map((phase) => phase.kind)).toEqual(['rate', 'max', 'burst']);
    for (const phase of endToEnd.phases) {
      expect(phase.accepted).toBeGreaterThan(0);
      expect(phase.assigned).toBeGreaterThan(0);
      expect(phase.intakeToAssignedMs.count).toBe(phase.assigned);
    }
    expect(endToEnd.simulatedAgents.resolved).toBeGreaterThan(0);

    const grid = result.scaling.cells.map((cell) => [cell.agents, cell.queued]);
    expect(grid).toEqual([
      [10, 20],
      [50, 20],
      [10, 200],
      [50, 200],
    ]);
    for (const cell of result.scaling.cells) {
      expect(cell.decisionMs.count).toBe(result.config.scaling.decisions);
      expect(cell.candidateQuery.plan.join('\n')).toContain('Execution Time');
      expect(cell.conversationsFor.plan.join('\n')).toContain('Execution Time');
    }
    expect(result.targets).toHaveLength(8);
  });

  it('drops its database and deletes its Redis keys', async () => {
    const dropped = run.output.match(/dropped (\S+), deleted (\S+):\* keys/);
    expect(dropped).not.toBeNull();
    const [, database, prefix] = dropped!;
    expect(database).toMatch(/bench/);

    const adminUrl = new URL(process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/surgeline_bench');
    adminUrl.pathname = '/postgres';
    const pg = new Client({ connectionString: adminUrl.toString() });
    await pg.connect();
    const redis = new Redis(process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379');
    try {
      const databases = await pg.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
      expect(databases.rowCount).toBe(0);
      const left: string[] = [];
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
        left.push(...keys);
        cursor = next;
      } while (cursor !== '0');
      expect(left).toEqual([]);
    } finally {
      await pg.end();
      redis.disconnect();
    }
  });
});
