import { loginAdmin } from '../factories/accounts';
import { startAppProcess } from '../support/app-process';
import { HttpClient } from '../support/http-client';
import { provisionTestEnvironment, startTestApp, TEST_ADMIN, TestApp } from '../support/test-app';

const CONSOLE_ORIGIN = 'https://console.airline.test';

describe('request ids and CORS', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ CORS_ORIGINS: `${CONSOLE_ORIGIN}, http://localhost:5173` });
  });
  afterAll(() => t?.close());

  it('answers every request with an X-Request-Id: the caller\'s when usable, else a new one', async () => {
    const given = await t.http().get('/api/v1/stats/live').set('X-Request-Id', 'edge-4f1c:17').expect(200);
    expect(given.headers['x-request-id']).toBe('edge-4f1c:17');
    const generated = await t.http().get('/api/v1/no-such-route').expect(404);
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    const forged = await t.http().get('/health').set('X-Request-Id', 'a b\tc');
    expect(forged.headers['x-request-id']).not.toBe('a b\tc');
    expect(forged.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('allows a listed origin with credentials, preflight included', async () => {
    const preflight = await t
      .http()
      .options('/api/v1/incidents')
      .set('Origin', CONSOLE_ORIGIN)
      .set('Access-Control-Request-Method', 'POST')
      .set('Access-Control-Request-Headers', 'content-type,x-csrf-token');
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe(CONSOLE_ORIGIN);
    expect(preflight.headers['access-control-allow-credentials']).toBe('true');
    const read = await t.http().get('/api/v1/surge').set('Origin', CONSOLE_ORIGIN).set('Authorization', `Bearer ${await loginAdmin(t)}`).expect(200);
    expect(read.headers['access-control-allow-origin']).toBe(CONSOLE_ORIGIN);
  });

  it('refuses any other origin: no CORS header lets its page read the answer', async () => {
    const preflight = await t.http().options('/api/v1/incidents').set('Origin', 'https://evil.example').set('Access-Control-Request-Method', 'POST');
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    const read = await t.http().get('/api/v1/surge').set('Origin', 'https://evil.example');
    expect(read.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('keeps the public live figures open to every origin', async () => {
    const live = await t.http().get('/api/v1/stats/live').set('Origin', 'https://news.example').expect(200);
    expect(live.headers['access-control-allow-origin']).toBe('*');
  });
});

describe('logs of a running service', () => {
  jest.setTimeout(180_000);

  it('say where it listens, carry the request id on every line of a request, no headers, and name committed domain events', async () => {
    const environment = await provisionTestEnvironment({ LOG_LEVEL: 'info' });
    const app = await startAppProcess(environment.env);
    try {
      const api = new HttpClient(app.baseUrl);
      const token = (await api.post('/api/v1/auth/login', TEST_ADMIN)).body.accessToken as string;
      const created = await fetch(`${app.baseUrl}/api/v1/incidents`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}`, 'X-Request-Id': 'trace-incident-1' },
        body: JSON.stringify({ name: 'Logged incident' }),
      });
      expect(created.status).toBe(201);
      const { id } = (await created.json()) as { id: string };
      await fetch(`${app.baseUrl}/api/v1/incidents`, { method: 'POST', headers: { 'X-Request-Id': 'trace-refused-2' } });

      const lines = await waitForLines(app.output, (parsed) => parsed.some((line) => line.req?.id === 'trace-refused-2'));
      const incidentLines = lines.filter((line) => line.reqId === 'trace-incident-1' || line.req?.id === 'trace-incident-1');
      expect(incidentLines.some((line) => String(line.msg).includes(`incident.created incident ${id}`))).toBe(true);
      const completed = incidentLines.find((line) => line.req?.id === 'trace-incident-1')!;
      expect(completed).toMatchObject({ level: 30, req: { method: 'POST', url: '/api/v1/incidents' }, res: { statusCode: 201 } });
      expect(Object.keys(completed.req).sort()).toEqual(['id', 'method', 'url']);
      expect(lines.find((line) => line.req?.id === 'trace-refused-2')).toMatchObject({ level: 40, res: { statusCode: 401 } });
      // A start at info says where the service is, without a line per module or route.
      expect(app.output()).toContain(`Surgeline is listening on http://localhost:${new URL(app.baseUrl).port}`);
      expect(app.output()).not.toMatch(/Mapped \{|dependencies initialized/);
      expect(app.output()).not.toContain(token);
      expect(app.output()).not.toMatch(/"headers"/);
    } finally {
      await app.stop();
      await environment.dispose();
    }
  });
});

async function waitForLines(output: () => string, done: (lines: any[]) => boolean): Promise<any[]> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const lines = output()
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line));
    if (done(lines) || Date.now() > deadline) return lines;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
