import { createAccount, DEFAULT_PASSWORD, loginAdmin, SignedInAccount } from '../factories/accounts';
import { auth } from '../factories/conversations';
import { activateSurge, createIncident, createInvite, deactivateSurge, enrollVolunteer, startSurgeWithVolunteer } from '../factories/incidents';
import { claimShift, createShift, minutesFromNow, signIn } from '../factories/shifts';
import { openEventStream } from '../support/sse-client';
import { startTestApp, TEST_ADMIN, TestApp } from '../support/test-app';

interface BrowserSession {
  cookie: string;
  csrfToken: string;
  setCookie: string;
  body: Record<string, any>;
}

/** Browsers log in with a session cookie and send its CSRF token on every write. */
describe('browser sessions (/auth/session)', () => {
  let t: TestApp;
  let baseUrl: string;
  let adminToken: string;

  beforeAll(async () => {
    t = await startTestApp();
    await t.app.listen(0, '127.0.0.1');
    baseUrl = await t.app.getUrl();
    adminToken = await loginAdmin(t);
  });
  afterAll(() => t?.close());

  async function startSession(email: string, password: string): Promise<BrowserSession> {
    const response = await t.http().post('/api/v1/auth/session').send({ email, password }).expect(200);
    const setCookie = (response.headers['set-cookie'] as unknown as string[])[0];
    return { cookie: setCookie.split(';')[0], csrfToken: response.body.csrfToken, setCookie, body: response.body };
  }
  const withCookie = (session: BrowserSession) => ({ Cookie: session.cookie });
  const withCsrf = (session: BrowserSession) => ({ Cookie: session.cookie, 'X-CSRF-Token': session.csrfToken });
  const sessionOf = (account: SignedInAccount) => startSession(account.email, account.password);

  async function openStream(path: string, headers: Record<string, string>) {
    const stream = await openEventStream(`${baseUrl}/api/v1${path}`, headers);
    expect(stream.status).toBe(200);
    await stream.next((event) => event.event === 'ready');
    return stream;
  }

  describe('POST /auth/session', () => {
    it('sets an HttpOnly, SameSite=Strict session cookie for the whole site and returns the user and CSRF token', async () => {
      const session = await startSession(TEST_ADMIN.email, TEST_ADMIN.password);
      expect(session.body).toEqual({
        user: { id: expect.any(String), email: TEST_ADMIN.email, name: 'Administrator', role: 'admin', kind: null },
        csrfToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      });
      const attributes = session.setCookie.split(';').map((part) => part.trim().toLowerCase());
      expect(session.cookie).toMatch(/^surgeline_session=[A-Za-z0-9_-]{43}$/);
      expect(attributes).toEqual(expect.arrayContaining(['httponly', 'samesite=strict', 'path=/', 'max-age=43200']));
      // Outside production the cookie also works over plain http (development, these tests).
      expect(attributes).not.toContain('secure');
    });

    it('answers as POST /auth/login does for wrong credentials and unusable accounts', async () => {
      await t.http().post('/api/v1/auth/session').send({ email: TEST_ADMIN.email, password: 'wrong-password' }).expect(401);
      const incident = await createIncident(t, adminToken);
      await activateSurge(t, adminToken, incident.id);
      const invite = await createInvite(t, adminToken, incident.id, { autoApprove: false });
      const pending = await enrollVolunteer(t, invite.code);
      const response = await t.http().post('/api/v1/auth/session').send({ email: pending.email, password: pending.password }).expect(403);
      expect(response.body.message).toBe('Account is pending approval');
      expect(response.headers['set-cookie']).toBeUndefined();
      await deactivateSurge(t, adminToken, incident.id);
    });
  });

  describe('GET /auth/session', () => {
    it('returns the user and the same CSRF token for the cookie', async () => {
      const session = await startSession(TEST_ADMIN.email, TEST_ADMIN.password);
      const response = await t.http().get('/api/v1/auth/session').set(withCookie(session)).expect(200);
      expect(response.body).toEqual(session.body);
    });

    it('answers 401 without a session cookie, or with one it never issued', async () => {
      await t.http().get('/api/v1/auth/session').expect(401);
      await t.http().get('/api/v1/auth/session').set('Cookie', 'surgeline_session=forged-value').expect(401);
    });
  });

  describe('the cookie wherever a bearer token is accepted', () => {
    it('authenticates reads without a CSRF token', async () => {
      const session = await startSession(TEST_ADMIN.email, TEST_ADMIN.password);
      const me = await t.http().get('/api/v1/me').set(withCookie(session)).expect(200);
      expect(me.body.email).toBe(TEST_ADMIN.email);
      await t.http().get('/admin/queues/api/queues').set(withCookie(session)).expect(200);
    });

    it('refuses a write with 403 without the CSRF token or with a wrong one, and changes nothing', async () => {
      const session = await startSession(TEST_ADMIN.email, TEST_ADMIN.password);
      const name = `csrf-${Date.now()}`;
      const missing = await t.http().post('/api/v1/incidents').set(withCookie(session)).send({ name }).expect(403);
      expect(missing.body.message).toMatch(/x-csrf-token/);
      await t.http().post('/api/v1/incidents').set({ ...withCookie(session), 'X-CSRF-Token': `${session.csrfToken.slice(1)}x` }).send({ name }).expect(403);
      const { rows } = await t.db.query('SELECT count(*)::int AS n FROM incidents WHERE name = $1', [name]);
      expect(rows[0].n).toBe(0);

      const created = await t.http().post('/api/v1/incidents').set(withCsrf(session)).send({ name }).expect(201);
      expect(created.body.name).toBe(name);
    });

    it('leaves bearer tokens as they were: no CSRF token needed', async () => {
      await t.http().post('/api/v1/incidents').set(auth(adminToken)).send({ name: `bearer-${Date.now()}` }).expect(201);
    });

    it("streams the agent's work over the cookie", async () => {
      const agent = await createAccount(t, adminToken, { languages: [{ code: 'is', level: 5 }] });
      const session = await sessionOf(agent);
      const stream = await openStream('/me/conversations/stream', withCookie(session));
      expect(stream.contentType).toMatch(/^text\/event-stream/);
      stream.close();
    });
  });

  describe('DELETE /auth/session', () => {
    it('needs the CSRF token', async () => {
      const session = await startSession(TEST_ADMIN.email, TEST_ADMIN.password);
      await t.http().delete('/api/v1/auth/session').set(withCookie(session)).expect(403);
      await t.http().get('/api/v1/auth/session').set(withCookie(session)).expect(200);
    });

    it('ends the session at once: cookie cleared, requests refused, open streams closed', async () => {
      const session = await startSession(TEST_ADMIN.email, TEST_ADMIN.password);
      const stream = await openStream('/events/stream', withCookie(session));
      const other = await startSession(TEST_ADMIN.email, TEST_ADMIN.password);
      const otherStream = await openStream('/events/stream', withCookie(other));

      const response = await t.http().delete('/api/v1/auth/session').set(withCsrf(session)).expect(204);
      const cleared = (response.headers['set-cookie'] as unknown as string[])[0];
      expect(cleared).toMatch(/^surgeline_session=;/);
      expect(cleared).toMatch(/Expires=Thu, 01 Jan 1970/);

      await stream.ended();
      await t.http().get('/api/v1/auth/session').set(withCookie(session)).expect(401);
      await t.http().get('/api/v1/me').set(withCookie(session)).expect(401);
      const reconnect = await openEventStream(`${baseUrl}/api/v1/events/stream`, withCookie(session));
      expect(reconnect.status).toBe(401);
      reconnect.close();

      // Only that session ended: the admin's other browser is still logged in and streaming.
      await t.http().get('/api/v1/auth/session').set(withCookie(other)).expect(200);
      const event = await t.db.query("SELECT payload FROM events WHERE type = 'auth.session_ended' ORDER BY id DESC LIMIT 1");
      expect(event.rows[0].payload).toMatchObject({ reason: 'logged_out' });
      await t.http().post('/api/v1/incidents').set(auth(adminToken)).send({ name: `after-logout-${Date.now()}` }).expect(201);
      await otherStream.next((message) => message.event === 'message' && JSON.parse(message.data).type === 'incident.created');
      otherStream.close();
    });
  });

  describe('sessions end when the account stops being active', () => {
    it('a suspension ends the agent\'s sessions and closes its streams, cookie or bearer', async () => {
      const agent = await createAccount(t, adminToken, { languages: [{ code: 'fo', level: 5 }] });
      const session = await sessionOf(agent);
      const cookieStream = await openStream('/me/conversations/stream', withCookie(session));
      const bearerStream = await openStream('/me/conversations/stream', auth(agent.token));

      await t.http().patch(`/api/v1/agents/${agent.id}`).set(auth(adminToken)).send({ status: 'suspended' }).expect(200);
      await cookieStream.ended();
      await bearerStream.ended();
      await t.http().get('/api/v1/me').set(withCookie(session)).expect(401);
      await t.http().get('/api/v1/me').set(auth(agent.token)).expect(403);

      // Lifting the suspension does not bring the ended session back.
      await t.http().patch(`/api/v1/agents/${agent.id}`).set(auth(adminToken)).send({ status: 'active' }).expect(200);
      await t.http().get('/api/v1/me').set(withCookie(session)).expect(401);
      await t.http().post('/api/v1/auth/session').send({ email: agent.email, password: DEFAULT_PASSWORD }).expect(200);
    });

    it("the surge's end expires its volunteers: their sessions end and their streams close", async () => {
      const surge = await startSurgeWithVolunteer(t, adminToken);
      const shift = await createShift(t, adminToken, { startsAt: minutesFromNow(-5), endsAt: minutesFromNow(60), incidentId: surge.incidentId });
      await claimShift(t, surge.volunteer.token, shift.id);
      await signIn(t, surge.volunteer.token);
      const session = await sessionOf(surge.volunteer);
      const stream = await openStream('/me/conversations/stream', withCookie(session));

      await deactivateSurge(t, adminToken, surge.incidentId);
      await stream.ended();
      await t.http().get('/api/v1/auth/session').set(withCookie(session)).expect(401);
      const { rows } = await t.db.query('SELECT count(*)::int AS n FROM sessions WHERE user_id = $1 AND ended_at IS NULL', [surge.volunteer.id]);
      expect(rows[0].n).toBe(0);
    });
  });
});
