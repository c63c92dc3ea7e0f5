import { randomBytes } from 'crypto';
import { Pool } from 'pg';
import { migrations } from '../../migrations';
import { AppProcess, startAppProcess } from '../support/app-process';
import { HttpClient } from '../support/http-client';
import { invariantViolations, pollUntil } from '../support/routing-invariants';
import { deleteRedisKeys, TEST_ADMIN, TEST_INTAKE_SECRET, TEST_REDIS_URL } from '../support/test-app';
import { intakeOne, loginAdmin, signInAgents, waitUntilAssigned } from './support/fault-scenario';
import { PrivatePostgres } from './support/private-postgres';

/**
 * Postgres faults on a cluster of this file's own (initdb on another port), so stopping it disturbs
 * no other test: processes started together on a missing database, and Postgres stopped under load.
 */
describe('Postgres faults', () => {
  let cluster: PrivatePostgres;
  let processes: AppProcess[] = [];
  let db: Pool | undefined;
  const suffix = randomBytes(5).toString('hex');
  const bullPrefix = `surgeline-faults-${suffix}`;
  const databaseUrl = () => cluster.url(`surgeline_faults_test_${suffix}`);

  beforeAll(async () => {
    cluster = await PrivatePostgres.create();
  }, 60_000);

  afterAll(async () => {
    await Promise.all(processes.map((process) => process.stop()));
    await db?.end();
    cluster?.destroy();
    await deleteRedisKeys(bullPrefix);
  });

  it('brings up two processes started together on a database that does not exist yet', async () => {
    const env = {
      NODE_ENV: 'test',
      DATABASE_URL: databaseUrl(),
      REDIS_URL: TEST_REDIS_URL,
      BULL_PREFIX: bullPrefix,
      ADMIN_EMAIL: TEST_ADMIN.email,
      ADMIN_PASSWORD: TEST_ADMIN.password,
      INTAKE_SECRET: TEST_INTAKE_SECRET,
      JWT_SECRET: 'jwt-secret-for-tests-only',
      LOG_LEVEL: 'warn',
      RECONCILE_INTERVAL_MS: '2000',
    };
    processes = await Promise.all([startAppProcess(env), startAppProcess(env)]);
    db = new Pool({ connectionString: databaseUrl(), max: 2 });
    const applied = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM schema_migrations');
    expect(applied.rows[0].n).toBe(migrations.length);
  }, 180_000);

  it('answers 503 with Retry-After while Postgres is stopped, never 500, and routes everything accepted afterwards', async () => {
    expect(processes).toHaveLength(2);
    const apis = processes.map((process) => new HttpClient(process.baseUrl));
    const admin = await loginAdmin(apis[0]);
    const adminToken = (await apis[0].post('/api/v1/auth/login', TEST_ADMIN)).body.accessToken as string;
    await signInAgents(apis[0], admin, 60);

    const accepted: string[] = [];
    const statuses = new Map<number, number>();
    let running = true;
    const load = Promise.all(
      Array.from({ length: 4 }, async (_, lane) => {
        const api = apis[lane % 2];
        while (running) {
          const intake = await intakeOne(api).catch(() => ({ status: 0, accepted: undefined }));
          const users = await api.as(adminToken).get('/api/v1/agents?limit=5').catch(() => ({ status: 0 }));
          for (const status of [intake.status, users.status]) statuses.set(status, (statuses.get(status) ?? 0) + 1);
          if (intake.accepted) accepted.push(intake.accepted.conversationId);
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      }),
    );
    await pollUntil(async () => accepted.length, (n) => n >= 10, { timeoutMs: 30_000 });
    cluster.stop();
    const stoppedAt = Date.now();
    // An outage of several seconds under load, not a blip.
    await pollUntil(async () => ({ refused: statuses.get(503) ?? 0, seconds: (Date.now() - stoppedAt) / 1000 }), (o) => o.refused >= 10 && o.seconds >= 8, {
      timeoutMs: 30_000,
    });
    const health = await fetch(`${processes[1].baseUrl}/health`);
    // The test client keeps only status and body: the header is read with a plain fetch.
    const refused = await fetch(`${processes[1].baseUrl}/api/v1/agents?limit=5`, { headers: { Authorization: `Bearer ${adminToken}` } });
    await cluster.start();
    const outageSeconds = (Date.now() - stoppedAt) / 1000;
    expect(health.status).toBe(503);
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);

    // Recovery by itself: requests succeed again on both processes, without a restart.
    for (const api of apis) {
      const back = await pollUntil(() => api.as(adminToken).get('/api/v1/agents?limit=5'), (response) => response.status === 200, {
        timeoutMs: 30_000,
      });
      expect(back.status).toBe(200);
    }
    await pollUntil(async () => accepted.length, (n) => n >= 20, { timeoutMs: 30_000 });
    running = false;
    await load;

    const statusCounts = Object.fromEntries(statuses);
    console.info(`Postgres stopped for ${outageSeconds.toFixed(1)} s; answers by status: ${JSON.stringify(statusCounts)}`);
    expect([...statuses.keys()].filter((status) => status >= 500 && status !== 503)).toEqual([]);

    expect(await waitUntilAssigned(db!, accepted, 60_000)).toBe(accepted.length);
    expect(await invariantViolations(db!)).toEqual({});
  }, 240_000);
});
