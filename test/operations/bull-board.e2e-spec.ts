import { createAccount, loginAdmin, SignedInAccount } from '../factories/accounts';
import { auth } from '../factories/conversations';
import { startTestApp, TEST_ADMIN, TestApp } from '../support/test-app';

describe('GET /admin/queues (Bull dashboard)', () => {
  let t: TestApp;
  let adminToken: string;
  let managerToken: string;
  let agentToken: string;
  let agent: SignedInAccount;

  beforeAll(async () => {
    t = await startTestApp();
    adminToken = await loginAdmin(t);
    managerToken = (await createAccount(t, adminToken, { role: 'incident_manager', languages: undefined })).token;
    agent = await createAccount(t, adminToken);
    agentToken = agent.token;
  });
  afterAll(() => t?.close());

  // The dashboard page and the JSON API its page calls sit behind the same gate.
  const paths = ['/admin/queues', '/admin/queues/api/queues'];

  it.each(paths)('401 without a token: %s', async (path) => {
    const response = await t.http().get(path).expect(401);
    expect(response.body).toEqual({ statusCode: 401, message: 'Missing bearer token or session cookie', error: 'Unauthorized' });
  });

  it.each(paths)('401 with an invalid token: %s', async (path) => {
    const response = await t.http().get(path).set(auth('not-a-token')).expect(401);
    expect(response.body.message).toBe('Invalid or expired token');
  });

  it.each([
    ['incident manager', () => managerToken],
    ['agent', () => agentToken],
  ])('403 for an %s', async (_, token) => {
    for (const path of paths) {
      const response = await t.http().get(path).set(auth(token())).expect(403);
      expect(response.body).toEqual({ statusCode: 403, message: 'This action needs the role admin', error: 'Forbidden' });
    }
  });

  it('200 for an admin: the page, and the API listing the routing and outbound queues', async () => {
    const page = await t.http().get('/admin/queues').set(auth(adminToken)).expect(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.text).toContain('Surgeline queues');

    const api = await t.http().get('/admin/queues/api/queues').set(auth(adminToken)).expect(200);
    const names = (api.body.queues as { name: string }[]).map((queue) => queue.name).sort();
    expect(names).toEqual(['outbound', 'routing']);
  });

  it('is not under the API prefix', async () => {
    await t.http().get('/api/v1/admin/queues').set(auth(adminToken)).expect(404);
  });

  describe("with the console's session cookie (a browser)", () => {
    interface BrowserSession {
      cookie: string;
      csrfToken: string;
    }

    async function startSession(email: string, password: string): Promise<BrowserSession> {
      const response = await t.http().post('/api/v1/auth/session').send({ email, password }).expect(200);
      const setCookie = (response.headers['set-cookie'] as unknown as string[])[0];
      return { cookie: setCookie.split(';')[0], csrfToken: response.body.csrfToken };
    }

    async function outboundPaused(): Promise<boolean> {
      const api = await t.http().get('/admin/queues/api/queues').set(auth(adminToken)).expect(200);
      return (api.body.queues as { name: string; isPaused: boolean }[]).find((queue) => queue.name === 'outbound')!.isPaused;
    }

    it("200 for an admin's session: the page, its scripts and the API it calls", async () => {
      const session = await startSession(TEST_ADMIN.email, TEST_ADMIN.password);
      const page = await t.http().get('/admin/queues').set('Cookie', session.cookie).expect(200);
      expect(page.headers['content-type']).toMatch(/text\/html/);
      expect(page.text).toContain('Surgeline queues');
      const script = /<script defer src="(static\/js\/main\.[^"]+\.js)"/.exec(page.text)![1];
      const asset = await t.http().get(`/admin/queues/${script}`).set('Cookie', session.cookie).expect(200);
      expect(asset.headers['content-type']).toMatch(/javascript/);
      const api = await t.http().get('/admin/queues/api/queues').set('Cookie', session.cookie).expect(200);
      expect((api.body.queues as { name: string }[]).map((queue) => queue.name).sort()).toEqual(['outbound', 'routing']);
    });

    it("hands the page the session's CSRF token in the cookie its HTTP client reads, for the dashboard's path only", async () => {
      const session = await startSession(TEST_ADMIN.email, TEST_ADMIN.password);
      const page = await t.http().get('/admin/queues').set('Cookie', session.cookie).expect(200);
      const setCookie = page.headers['set-cookie'] as unknown as string[];
      expect(setCookie).toHaveLength(1);
      const [pair, ...attributes] = setCookie[0].split(';').map((part) => part.trim());
      expect(pair).toBe(`XSRF-TOKEN=${session.csrfToken}`);
      expect(attributes.map((attribute) => attribute.toLowerCase()).sort()).toEqual(['path=/admin/queues', 'samesite=strict']);

      // Not again once the browser holds it, and never for a bearer token.
      const again = await t.http().get('/admin/queues/api/queues').set('Cookie', `${session.cookie}; ${pair}`).expect(200);
      expect(again.headers['set-cookie']).toBeUndefined();
      const bearer = await t.http().get('/admin/queues').set(auth(adminToken)).expect(200);
      expect(bearer.headers['set-cookie']).toBeUndefined();
    });

    it.each(paths)("403 for an agent's session: %s", async (path) => {
      const session = await startSession(agent.email, agent.password);
      const response = await t.http().get(path).set('Cookie', session.cookie).expect(403);
      expect(response.body).toEqual({ statusCode: 403, message: 'This action needs the role admin', error: 'Forbidden' });
    });

    it.each(paths)('401 for a session that ended, or a cookie the service never issued: %s', async (path) => {
      const session = await startSession(TEST_ADMIN.email, TEST_ADMIN.password);
      await t.http().delete('/api/v1/auth/session').set({ Cookie: session.cookie, 'X-CSRF-Token': session.csrfToken }).expect(204);
      const ended = await t.http().get(path).set('Cookie', session.cookie).expect(401);
      expect(ended.body).toMatchObject({ statusCode: 401, error: 'Unauthorized' });
      await t.http().get(path).set('Cookie', 'surgeline_session=forged-value').expect(401);
    });

    it("refuses the dashboard's actions without the session's CSRF token, and changes nothing", async () => {
      const session = await startSession(TEST_ADMIN.email, TEST_ADMIN.password);
      const pause = '/admin/queues/api/queues/outbound/pause';
      const missing = await t.http().put(pause).set('Cookie', session.cookie).expect(403);
      expect(missing.body).toEqual({ statusCode: 403, message: 'Missing or wrong x-csrf-token header: send the csrfToken of the session', error: 'Forbidden' });
      const wrong = `${session.csrfToken.slice(1)}x`;
      await t.http().put(pause).set({ Cookie: session.cookie, 'X-CSRF-Token': wrong }).expect(403);
      await t.http().put(pause).set({ Cookie: `${session.cookie}; XSRF-TOKEN=${wrong}`, 'X-XSRF-TOKEN': wrong }).expect(403);
      // Another session's token is no better.
      const other = await startSession(TEST_ADMIN.email, TEST_ADMIN.password);
      await t.http().put(pause).set({ Cookie: session.cookie, 'X-XSRF-TOKEN': other.csrfToken }).expect(403);
      expect(await outboundPaused()).toBe(false);
    });

    it("takes the session's CSRF token as X-CSRF-Token, or as X-XSRF-TOKEN the way the page sends it; a bearer token needs none", async () => {
      const session = await startSession(TEST_ADMIN.email, TEST_ADMIN.password);
      await t.http().put('/admin/queues/api/queues/outbound/pause').set({ Cookie: session.cookie, 'X-CSRF-Token': session.csrfToken }).expect(200);
      expect(await outboundPaused()).toBe(true);
      const fromPage = { Cookie: `${session.cookie}; XSRF-TOKEN=${session.csrfToken}`, 'X-XSRF-TOKEN': session.csrfToken };
      await t.http().put('/admin/queues/api/queues/outbound/resume').set(fromPage).expect(200);
      expect(await outboundPaused()).toBe(false);

      await t.http().put('/admin/queues/api/queues/outbound/pause').set(auth(adminToken)).expect(200);
      expect(await outboundPaused()).toBe(true);
      await t.http().put('/admin/queues/api/queues/outbound/resume').set(auth(adminToken)).expect(200);
      expect(await outboundPaused()).toBe(false);
    });
  });
});
