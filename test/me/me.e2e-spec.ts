import { createAccount, loginAdmin, SignedInAccount } from '../factories/accounts';
import { claimShift, createShift, minutesFromNow, shiftWindowBy } from '../factories/shifts';
import { startTestApp, TestApp } from '../support/test-app';

describe('me: account, sign-in, sign-out, presence (staff)', () => {
  let t: TestApp;
  let adminToken: string;
  let manager: SignedInAccount;

  beforeAll(async () => {
    t = await startTestApp();
    adminToken = await loginAdmin(t);
    manager = await createAccount(t, adminToken, { role: 'incident_manager', languages: undefined });
  });
  afterAll(() => t.close());

  const as = (token: string) => ({
    get: (path: string) => t.http().get(`/api/v1${path}`).set('Authorization', `Bearer ${token}`),
    post: (path: string) => t.http().post(`/api/v1${path}`).set('Authorization', `Bearer ${token}`),
    put: (path: string) => t.http().put(`/api/v1${path}`).set('Authorization', `Bearer ${token}`),
  });
  const newStaff = () =>
    createAccount(t, adminToken, {
      name: 'Sam Staff',
      languages: [{ code: 'nl', level: 5 }, { code: 'en', level: 4 }],
      skills: [{ name: 'rebooking', level: 3 }],
      maxConcurrent: 4,
    });
  const agentRow = async (id: string) =>
    (await t.db.query(`SELECT presence, signed_in_at FROM agents WHERE user_id = $1`, [id])).rows[0] as {
      presence: string;
      signed_in_at: Date | null;
    };
  const eventsOf = async (id: string) =>
    (await t.db.query(`SELECT type, actor_id, payload FROM events WHERE subject_id = $1 AND type LIKE 'agent.%' ORDER BY id`, [id])).rows;

  describe('GET /me', () => {
    it('describes an account without an agent profile', async () => {
      const response = await as(manager.token).get('/me').expect(200);
      expect(response.body).toEqual({
        id: manager.id,
        email: manager.email,
        name: 'Test Person',
        role: 'incident_manager',
        kind: null,
        status: 'active',
        profile: null,
        presence: null,
        load: null,
        signedInAt: null,
        claimedShifts: [],
      });
    });

    it('describes a staff agent with its profile and its current and upcoming claimed shifts', async () => {
      const staff = await newStaff();
      const later = await createShift(t, manager.token, { startsAt: minutesFromNow(600), endsAt: minutesFromNow(700) });
      const running = await createShift(t, manager.token, { startsAt: minutesFromNow(-30), endsAt: minutesFromNow(30) });
      const ended = await createShift(t, manager.token, { startsAt: minutesFromNow(1000), endsAt: minutesFromNow(1060) });
      await claimShift(t, staff.token, later.id);
      await claimShift(t, staff.token, running.id);
      await claimShift(t, staff.token, ended.id);
      // Time travel: a claimed shift the agent has already worked, now ended 40 minutes ago.
      await shiftWindowBy(t, ended.id, -1100);

      const response = await as(staff.token).get('/me').expect(200);
      expect(response.body).toEqual({
        id: staff.id,
        email: staff.email,
        name: 'Sam Staff',
        role: 'agent',
        kind: 'staff',
        status: 'active',
        profile: {
          languages: [{ code: 'en', level: 4 }, { code: 'nl', level: 5 }],
          skills: [{ name: 'rebooking', level: 3 }],
          maxConcurrent: 4,
        },
        presence: 'offline',
        load: 0,
        signedInAt: null,
        claimedShifts: [
          { id: running.id, startsAt: running.startsAt, endsAt: running.endsAt, incidentId: null },
          { id: later.id, startsAt: later.startsAt, endsAt: later.endsAt, incidentId: null },
        ],
      });
    });

    it('requires a token (401)', async () => {
      await t.http().get('/api/v1/me').expect(401);
    });
  });

  describe('POST /me/sign-in and /me/sign-out', () => {
    it('signs a staff agent in at any time, without a shift, and out again', async () => {
      const staff = await newStaff();
      const signedIn = await as(staff.token).post('/me/sign-in').expect(200);
      expect(signedIn.body).toEqual({ presence: 'available', signedInAt: expect.any(String) });
      expect(await agentRow(staff.id)).toEqual({ presence: 'available', signed_in_at: new Date(signedIn.body.signedInAt) });

      const me = await as(staff.token).get('/me').expect(200);
      expect(me.body).toMatchObject({ presence: 'available', signedInAt: signedIn.body.signedInAt });

      const signedOut = await as(staff.token).post('/me/sign-out').expect(200);
      expect(signedOut.body).toEqual({ presence: 'offline', signedInAt: null });
      expect(await agentRow(staff.id)).toEqual({ presence: 'offline', signed_in_at: null });

      expect(await eventsOf(staff.id)).toEqual([
        { type: 'agent.signed_in', actor_id: staff.id, payload: { kind: 'staff' } },
        { type: 'agent.signed_out', actor_id: staff.id, payload: { reason: 'requested' } },
      ]);
    });

    it('answers 200 and changes nothing when already signed in or already signed out', async () => {
      const staff = await newStaff();
      await as(staff.token).post('/me/sign-out').expect(200);
      const first = await as(staff.token).post('/me/sign-in').expect(200);
      const second = await as(staff.token).post('/me/sign-in').expect(200);
      expect(second.body).toEqual(first.body);
      await as(staff.token).post('/me/sign-out').expect(200);
      await as(staff.token).post('/me/sign-out').expect(200);
      expect((await eventsOf(staff.id)).map((event) => event.type)).toEqual(['agent.signed_in', 'agent.signed_out']);
    });

    it('records one sign-in when the same agent signs in several times at once', async () => {
      const staff = await newStaff();
      const responses = await Promise.all([1, 2, 3, 4].map(() => as(staff.token).post('/me/sign-in')));
      expect(responses.map((response) => response.status)).toEqual([200, 200, 200, 200]);
      expect(new Set(responses.map((response) => response.body.signedInAt)).size).toBe(1);
      expect((await eventsOf(staff.id)).map((event) => event.type)).toEqual(['agent.signed_in']);
    });

    it('requires a token (401) and the agent role (403)', async () => {
      for (const path of ['/me/sign-in', '/me/sign-out']) {
        await t.http().post(`/api/v1${path}`).expect(401);
        await as(manager.token).post(path).expect(403);
        await as(adminToken).post(path).expect(403);
      }
    });
  });

  describe('PUT /me/presence', () => {
    it('switches between away and available while signed in', async () => {
      const staff = await newStaff();
      const signedIn = await as(staff.token).post('/me/sign-in').expect(200);

      const away = await as(staff.token).put('/me/presence').send({ status: 'away' }).expect(200);
      expect(away.body).toEqual({ presence: 'away', signedInAt: signedIn.body.signedInAt });
      expect((await agentRow(staff.id)).presence).toBe('away');

      const back = await as(staff.token).put('/me/presence').send({ status: 'available' }).expect(200);
      expect(back.body).toEqual({ presence: 'available', signedInAt: signedIn.body.signedInAt });
      expect((await agentRow(staff.id)).presence).toBe('available');

      await as(staff.token).put('/me/presence').send({ status: 'available' }).expect(200);
      const changes = (await eventsOf(staff.id)).filter((event) => event.type === 'agent.presence_changed');
      expect(changes.map((event) => event.payload)).toEqual([
        { from: 'available', to: 'away' },
        { from: 'away', to: 'available' },
      ]);
    });

    it('keeps an away agent away when it signs in again, and signs it out', async () => {
      const staff = await newStaff();
      await as(staff.token).post('/me/sign-in').expect(200);
      await as(staff.token).put('/me/presence').send({ status: 'away' }).expect(200);
      const again = await as(staff.token).post('/me/sign-in').expect(200);
      expect(again.body.presence).toBe('away');
      await as(staff.token).post('/me/sign-out').expect(200);
      expect(await agentRow(staff.id)).toEqual({ presence: 'offline', signed_in_at: null });
    });

    it('answers 409 when signed out', async () => {
      const staff = await newStaff();
      const response = await as(staff.token).put('/me/presence').send({ status: 'away' }).expect(409);
      expect(response.body.message).toContain('sign in first');
      expect((await agentRow(staff.id)).presence).toBe('offline');
    });

    it.each([
      ['status', { status: 'offline' }],
      ['status', {}],
      ['mood', { status: 'away', mood: 'tired' }],
    ])('names %s when the body is invalid', async (field, body) => {
      const staff = await newStaff();
      await as(staff.token).post('/me/sign-in').expect(200);
      const response = await as(staff.token).put('/me/presence').send(body).expect(400);
      expect(response.body.message).toContain(field);
    });

    it('requires a token (401) and the agent role (403)', async () => {
      await t.http().put('/api/v1/me/presence').send({ status: 'away' }).expect(401);
      await as(manager.token).put('/me/presence').send({ status: 'away' }).expect(403);
      await as(adminToken).put('/me/presence').send({ status: 'away' }).expect(403);
    });
  });
});
