import { newUserBody } from '../factories/accounts';
import { AppProcess, startAppProcess } from '../support/app-process';
import { HttpClient } from '../support/http-client';
import { SlowLink, slowLink } from '../support/slow-link';
import { provisionTestEnvironment, TEST_ADMIN, TEST_REDIS_URL, TestEnvironment } from '../support/test-app';

// Two real processes on a shared, noisy machine: generous time.
jest.setTimeout(180_000);

/** Each round is a fresh chance for process B to answer before A's event reaches it. */
const ROUNDS = 15;
/** How late process B hears from Redis: longer than the client takes to turn from A to B. */
const REDIS_DELAY_TO_B_MS = 40;

/** A process's count of the guard's lookups with this outcome (surgeline_auth_cache_lookups_total). */
async function lookups(app: HttpClient, outcome: 'hit' | 'miss' | 'bypass'): Promise<number> {
  const metrics = await app.text('/metrics');
  const line = metrics.split('\n').find((l) => l.startsWith(`surgeline_auth_cache_lookups_total{outcome="${outcome}"}`));
  return line ? Number(line.split(' ')[1]) : 0;
}

/**
 * The guard answers repeated checks of an account or session from memory. A change made through
 * process A must still hold at process B from the very next request: the client below waits for
 * A's answer, then at once asks B, which has the account in memory and hears of the change
 * REDIS_DELAY_TO_B_MS after A published it.
 */
describe('the auth guard across two processes', () => {
  let environment: TestEnvironment;
  let slowRedis: SlowLink;
  const apps: AppProcess[] = [];
  let a: HttpClient;
  let b: HttpClient;
  let adminAtA: HttpClient;
  let agentId: string;
  let agent: { email: string; password: string };

  beforeAll(async () => {
    environment = await provisionTestEnvironment();
    // One after the other: the second finds the database migrated.
    apps.push(await startAppProcess(environment.env));
    const redis = new URL(TEST_REDIS_URL);
    slowRedis = await slowLink({ host: redis.hostname, port: Number(redis.port || 6379) }, REDIS_DELAY_TO_B_MS);
    redis.host = `127.0.0.1:${slowRedis.port}`;
    apps.push(await startAppProcess({ ...environment.env, REDIS_URL: redis.toString() }));
    [a, b] = apps.map((app) => new HttpClient(app.baseUrl));
    adminAtA = a.as((await a.post('/api/v1/auth/login', TEST_ADMIN)).body.accessToken);
    const body = newUserBody();
    const created = await adminAtA.post('/api/v1/users', body);
    expect(created.status).toBe(201);
    agentId = created.body.id;
    agent = { email: body.email as string, password: body.password as string };
  });

  afterAll(async () => {
    await Promise.all(apps.map((app) => app.stop()));
    await slowRedis?.close();
    await environment?.dispose();
  });

  it('answers repeated requests of an account from memory', async () => {
    const token = (await a.post('/api/v1/auth/login', agent)).body.accessToken as string;
    expect((await a.as(token).get('/api/v1/me')).status).toBe(200);
    const [hits, misses] = [await lookups(a, 'hit'), await lookups(a, 'miss')];
    for (let i = 0; i < 20; i++) expect((await a.as(token).get('/api/v1/me')).status).toBe(200);
    expect((await lookups(a, 'hit')) - hits).toBe(20);
    expect(await lookups(a, 'miss')).toBe(misses);
  });

  it("refuses a bearer token at B from the request right after A suspended its account, and lets it in right after A lifted the suspension", async () => {
    const agentAtB = b.as((await a.post('/api/v1/auth/login', agent)).body.accessToken);
    for (let round = 0; round < ROUNDS; round++) {
      expect((await agentAtB.get('/api/v1/me')).status).toBe(200);
      expect((await agentAtB.get('/api/v1/me')).status).toBe(200);
      expect((await adminAtA.patch(`/api/v1/agents/${agentId}`, { status: 'suspended' })).status).toBe(200);
      const refused = await agentAtB.get('/api/v1/me');
      expect({ round, status: refused.status, message: refused.body.message }).toEqual({ round, status: 403, message: 'Account is suspended' });
      expect((await adminAtA.patch(`/api/v1/agents/${agentId}`, { status: 'active' })).status).toBe(200);
    }
    // B did answer from memory: the refusals above are not B reading Postgres every time.
    expect(await lookups(b, 'hit')).toBeGreaterThanOrEqual(ROUNDS);
  });

  it('refuses a session cookie at B from the request right after it logged out through A', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const started = await a.post('/api/v1/auth/session', agent);
      expect(started.status).toBe(200);
      const cookie = started.headers.get('set-cookie')!.split(';')[0];
      const browserAtA = a.with({ Cookie: cookie, 'X-CSRF-Token': started.body.csrfToken });
      const browserAtB = b.with({ Cookie: cookie });
      expect((await browserAtB.get('/api/v1/me')).status).toBe(200);
      expect((await browserAtB.get('/api/v1/me')).status).toBe(200);
      expect((await browserAtA.delete('/api/v1/auth/session')).status).toBe(204);
      expect({ round, status: (await browserAtB.get('/api/v1/me')).status }).toEqual({ round, status: 401 });
    }
  });
});
