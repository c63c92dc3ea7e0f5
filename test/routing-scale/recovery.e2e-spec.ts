import Redis from 'ioredis';
import { Pool } from 'pg';
import { newMessage } from '../factories/intake';
import { AppProcess, startAppProcess } from '../support/app-process';
import { HttpClient } from '../support/http-client';
import { invariantViolations, pollUntil } from '../support/routing-invariants';
import { provisionTestEnvironment, TEST_ADMIN, TEST_REDIS_URL, TestEnvironment } from '../support/test-app';

/** A Redis database of this spec's own, so FLUSHDB touches nothing another test file uses. */
const RECOVERY_REDIS_DB = 9;
const CONVERSATIONS = 12;

describe('recovery after Redis loses every job', () => {
  let environment: TestEnvironment;
  let app: AppProcess | undefined;
  let db: Pool;
  const redisUrl = `${TEST_REDIS_URL.replace(/\/\d+$/, '')}/${RECOVERY_REDIS_DB}`;

  beforeAll(async () => {
    // A long reconcile interval: only the pass at start may rebuild the lost work.
    environment = await provisionTestEnvironment({ REDIS_URL: redisUrl, RECONCILE_INTERVAL_MS: '600000' });
    db = new Pool({ connectionString: environment.env.DATABASE_URL, max: 2 });
  });

  afterAll(async () => {
    await app?.stop();
    await db.end();
    await environment.dispose();
    const redis = new Redis(redisUrl);
    await redis.flushdb();
    redis.disconnect();
  });

  it('routes every queued conversation once the service restarts on an empty Redis', async () => {
    app = await startAppProcess(environment.env);
    const api = new HttpClient(app.baseUrl);
    const admin = api.as((await api.post('/api/v1/auth/login', TEST_ADMIN)).body.accessToken);

    // German conversations wait until a fallback to English is reached; that timer lives in Redis.
    const rule = await admin.post('/api/v1/routing/rules', {
      name: 'german with english fallback',
      order: 1,
      match: { languages: ['de'] },
      route: { escalation: [{ afterSeconds: 4, fallbackLanguages: ['en'] }] },
    });
    expect(rule.status).toBe(201);
    const agent = { email: `en-${environment.bullPrefix}@airline.test`, password: 'correct-horse-battery' };
    const created = await admin.post('/api/v1/users', {
      ...agent,
      name: 'English Agent',
      role: 'agent',
      languages: [{ code: 'en', level: 5 }],
      maxConcurrent: 20,
    });
    expect(created.status).toBe(201);
    const agentApi = api.as((await api.post('/api/v1/auth/login', agent)).body.accessToken);
    expect((await agentApi.post('/api/v1/me/sign-in')).status).toBe(200);

    for (let i = 0; i < CONVERSATIONS; i++) {
      expect((await api.intake(newMessage({ language: 'de', text: 'Mein Flug wurde gestrichen, was nun?' }))).status).toBe(202);
    }
    const queued = await db.query(`SELECT count(*)::int AS n FROM conversations WHERE status = 'queued'`);
    expect(queued.rows[0].n).toBe(CONVERSATIONS);

    await app.stop();
    app = undefined;
    const redis = new Redis(redisUrl);
    await redis.flushdb();
    expect(await redis.dbsize()).toBe(0);
    redis.disconnect();

    // Its log is shown if the conversations are not routed.
    app = await startAppProcess({ ...environment.env, LOG_LEVEL: 'info' });
    const assigned = await pollUntil(
      () => db.query(`SELECT count(*)::int AS n FROM conversations WHERE status = 'assigned' AND assigned_agent_id = $1`, [created.body.id]),
      (result) => result.rows[0].n === CONVERSATIONS,
      { timeoutMs: 30_000 },
    );
    if (assigned.rows[0].n !== CONVERSATIONS) {
      const waiting = await db.query(`SELECT status, escalation_step, next_escalation_at, unroutable_reason FROM conversations`);
      console.error(`the restarted process's log:\n${app.output()}\nconversations: ${JSON.stringify(waiting.rows)}`);
    }
    expect(assigned.rows[0].n).toBe(CONVERSATIONS);
    expect(await invariantViolations(db)).toEqual({});
  }, 180_000);
});
