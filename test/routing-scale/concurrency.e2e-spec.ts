import { Pool } from 'pg';
import { newMessage } from '../factories/intake';
import { AppProcess, startAppProcess } from '../support/app-process';
import { HttpClient } from '../support/http-client';
import { invariantViolations, pollUntil, QUEUED_WHILE_AGENT_HAS_ROOM } from '../support/routing-invariants';
import { provisionTestEnvironment, TEST_ADMIN, TestEnvironment } from '../support/test-app';

const CONVERSATIONS = 5000;
const AGENTS = 36;
const LANGUAGE_SETS = [['en'], ['nl'], ['de'], ['en', 'nl'], ['en', 'de'], ['nl', 'de']];
const MESSAGE_LANGUAGES = ['en', 'nl', 'de', 'en', 'nl', 'de', 'en', 'und'];
const INTAKE_IN_FLIGHT = 24;

interface SimulatedAgent {
  id: string;
  client: HttpClient;
}

const randomInt = (max: number) => Math.floor(Math.random() * max);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function inBatches<T>(items: T[], width: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) {
        const index = next++;
        await work(items[index], index);
      }
    }),
  );
}

describe('routing invariants with two application processes under churn', () => {
  let environment: TestEnvironment;
  let processes: AppProcess[];
  let db: Pool;
  let clients: HttpClient[];

  beforeAll(async () => {
    environment = await provisionTestEnvironment({ RECONCILE_INTERVAL_MS: '1000', LOG_LEVEL: 'error' });
    processes = await Promise.all([startAppProcess(environment.env), startAppProcess(environment.env)]);
    clients = processes.map((process) => new HttpClient(process.baseUrl));
    db = new Pool({ connectionString: environment.env.DATABASE_URL, max: 2 });
  }, 120_000);

  afterAll(async () => {
    await Promise.all((processes ?? []).map((process) => process.stop()));
    await db?.end();
    await environment?.dispose();
  });

  const clientFor = (index: number) => clients[index % clients.length];

  async function createAgents(adminToken: string): Promise<SimulatedAgent[]> {
    const agents: SimulatedAgent[] = [];
    await inBatches([...Array(AGENTS).keys()], 6, async (index) => {
      const client = clientFor(index);
      const email = `agent-${index}-${environment.bullPrefix}@airline.test`;
      const password = 'correct-horse-battery';
      const created = await client.as(adminToken).post('/api/v1/users', {
        email,
        name: `Agent ${index}`,
        password,
        role: 'agent',
        languages: LANGUAGE_SETS[index % LANGUAGE_SETS.length].map((code) => ({ code, level: 4 })),
        maxConcurrent: 1 + (index % 4),
      });
      expect(created.status).toBe(201);
      const login = await client.post('/api/v1/auth/login', { email, password });
      const agent = { id: created.body.id, client: client.as(login.body.accessToken) };
      expect((await agent.client.post('/api/v1/me/sign-in')).status).toBe(200);
      agents.push(agent);
    });
    return agents;
  }

  async function resolveOne(agent: SimulatedAgent): Promise<boolean> {
    const mine = await agent.client.get<{ id: string }[]>('/api/v1/me/conversations');
    expect(mine.status).toBe(200);
    if (mine.body.length === 0) return false;
    const target = mine.body[randomInt(mine.body.length)];
    const resolved = await agent.client.post(`/api/v1/conversations/${target.id}/resolve`);
    // 403/409: the conversation was taken back (sign-out race) between the read and the resolve.
    expect([200, 403, 409]).toContain(resolved.status);
    return resolved.status === 200;
  }

  async function churn(agent: SimulatedAgent, stop: () => boolean): Promise<void> {
    while (!stop()) {
      const roll = Math.random();
      if (roll < 0.7) await resolveOne(agent);
      else if (roll < 0.8) {
        expect((await agent.client.post('/api/v1/me/sign-out')).status).toBe(200);
        await pause(randomInt(150));
        expect((await agent.client.post('/api/v1/me/sign-in')).status).toBe(200);
      } else if (roll < 0.9) {
        expect((await agent.client.put('/api/v1/me/presence', { status: 'away' })).status).toBe(200);
        await pause(randomInt(150));
        expect((await agent.client.put('/api/v1/me/presence', { status: 'available' })).status).toBe(200);
      }
      await pause(20 + randomInt(80));
    }
  }

  it('never double-assigns, never exceeds capacity, loses nothing and explains every assignment', async () => {
    const login = await clients[0].post('/api/v1/auth/login', TEST_ADMIN);
    const agents = await createAgents(login.body.accessToken);

    let intakeDone = false;
    const accepted = new Set<string>();
    const violationsSeen: Record<string, unknown[]>[] = [];
    const producer = inBatches([...Array(CONVERSATIONS).keys()], INTAKE_IN_FLIGHT, async (index) => {
      const language = MESSAGE_LANGUAGES[index % MESSAGE_LANGUAGES.length];
      const message = newMessage(language === 'und' ? { language: undefined, text: 'help?' } : { language });
      const response = await clientFor(index).intake(message);
      expect(response.status).toBe(202);
      accepted.add(response.body.conversationId);
    }).finally(() => {
      intakeDone = true;
    });
    const watcher = (async () => {
      while (!intakeDone) {
        const violations = await invariantViolations(db);
        if (Object.keys(violations).length > 0) violationsSeen.push(violations);
        await pause(300);
      }
    })();
    await Promise.all([producer, watcher, ...agents.map((agent) => churn(agent, () => intakeDone))]).catch((error: Error) => {
      const logs = processes.map((process, index) => `process ${index}${process.crash() ? ' (crashed)' : ''}:\n${process.output()}`);
      throw new Error(`${error.message}\n${logs.join('\n')}`);
    });

    expect(violationsSeen).toEqual([]);
    expect(accepted.size).toBe(CONVERSATIONS);
    const stored = await db.query(`SELECT count(*)::int AS n FROM conversations`);
    expect(stored.rows[0].n).toBe(CONVERSATIONS);

    // Churn has stopped with every agent signed in and available: nothing may wait while one has room.
    const idleWithWork = await pollUntil(() => db.query(QUEUED_WHILE_AGENT_HAS_ROOM).then((r) => r.rows), (rows) => rows.length === 0, {
      timeoutMs: 10_000,
    });
    expect(idleWithWork).toEqual([]);

    // Drain: agents keep resolving; every conversation must reach an agent and be resolved.
    const allResolved = async () =>
      (await db.query(`SELECT count(*)::int AS n FROM conversations WHERE status = 'resolved'`)).rows[0].n === CONVERSATIONS;
    const deadline = Date.now() + 240_000;
    await Promise.all(
      agents.map(async (agent) => {
        while (Date.now() < deadline && !(await allResolved())) {
          if (!(await resolveOne(agent))) await pause(100);
        }
      }),
    );
    const unresolved = await db.query(`SELECT status, count(*)::int AS n FROM conversations WHERE status <> 'resolved' GROUP BY status`);
    expect(unresolved.rows).toEqual([]);
    expect(await invariantViolations(db)).toEqual({});
  }, 420_000);
});
