import { randomUUID } from 'crypto';
import { createAccount, loginAdmin, SignedInAccount } from '../factories/accounts';
import { claimShift, createShift, minutesFromNow, newShiftBody } from '../factories/shifts';
import { startTestApp, TestApp } from '../support/test-app';

describe('shifts', () => {
  let t: TestApp;
  let adminToken: string;
  let manager: SignedInAccount;
  let agent: SignedInAccount;

  beforeAll(async () => {
    t = await startTestApp();
    adminToken = await loginAdmin(t);
    [manager, agent] = await Promise.all([
      createAccount(t, adminToken, { role: 'incident_manager', languages: undefined, name: 'Mia Manager' }),
      createAccount(t, adminToken, { name: 'Ada Agent' }),
    ]);
  });
  afterAll(() => t.close());

  const as = (token: string) => ({
    post: (path: string) => t.http().post(`/api/v1${path}`).set('Authorization', `Bearer ${token}`),
    get: (path: string) => t.http().get(`/api/v1${path}`).set('Authorization', `Bearer ${token}`),
    delete: (path: string) => t.http().delete(`/api/v1${path}`).set('Authorization', `Bearer ${token}`),
  });
  const newAgent = (name = 'Agent') => createAccount(t, adminToken, { name });

  describe('POST /shifts', () => {
    it('creates a shift for a manager', async () => {
      const body = newShiftBody({ slots: 7, languages: ['nl', 'en'], skills: ['rebooking'] });
      const response = await as(manager.token).post('/shifts').send(body).expect(201);
      expect(response.body).toEqual({
        id: expect.any(String),
        startsAt: body.startsAt,
        endsAt: body.endsAt,
        slots: 7,
        claimed: 0,
        languages: ['nl', 'en'],
        skills: ['rebooking'],
        incidentId: null,
        claimedBy: [],
      });
      const events = await t.db.query(`SELECT actor_id FROM events WHERE type = 'shift.created' AND subject_id = $1`, [response.body.id]);
      expect(events.rows).toEqual([{ actor_id: manager.id }]);
    });

    it('lets an admin create one too', async () => {
      await as(adminToken).post('/shifts').send(newShiftBody()).expect(201);
    });

    it('accepts exactly 12 hours', async () => {
      // Both ends from one clock reading: two readings a millisecond apart would make it longer than 12 hours.
      const startsAt = minutesFromNow(10);
      const endsAt = new Date(Date.parse(startsAt) + 720 * 60_000).toISOString();
      await as(manager.token).post('/shifts').send(newShiftBody({ startsAt, endsAt })).expect(201);
    });

    it.each([
      ['startsAt', { startsAt: 'tomorrow' }],
      ['endsAt', { endsAt: 42 }],
      ['slots', { slots: 0 }],
      ['slots', { slots: 501 }],
      ['slots', { slots: 2.5 }],
      ['languages', { languages: ['xx'] }],
      ['languages', { languages: ['en', 'en'] }],
      ['skills', { skills: ['Rebooking!'] }],
      ['incidentId', { incidentId: 'not-a-uuid' }],
      ['colour', { colour: 'red' }],
    ])('names %s when it is invalid', async (field, override) => {
      const response = await as(manager.token).post('/shifts').send(newShiftBody(override)).expect(400);
      expect(response.body.message).toContain(field);
    });

    it.each([
      ['ends before it starts', { startsAt: minutesFromNow(120), endsAt: minutesFromNow(60) }, 'endsAt must be after startsAt'],
      ['is longer than 12 hours', { startsAt: minutesFromNow(60), endsAt: minutesFromNow(60 + 721) }, 'endsAt must be at most 12 hours after startsAt'],
      ['has already ended', { startsAt: minutesFromNow(-120), endsAt: minutesFromNow(-60) }, 'endsAt must be in the future'],
    ])('refuses a shift that %s with 400', async (_, override, message) => {
      const response = await as(manager.token).post('/shifts').send(newShiftBody(override)).expect(400);
      expect(response.body.message).toBe(message);
    });

    it('answers 404 for an unknown incident', async () => {
      const incidentId = randomUUID();
      const response = await as(manager.token).post('/shifts').send(newShiftBody({ incidentId })).expect(404);
      expect(response.body.message).toContain(incidentId);
    });

    it('requires a token (401) and the incident_manager role (403)', async () => {
      await t.http().post('/api/v1/shifts').send(newShiftBody()).expect(401);
      await as(agent.token).post('/shifts').send(newShiftBody()).expect(403);
    });
  });

  describe('GET /shifts', () => {
    let window: { from: string; to: string };
    let open: string;
    let full: string;

    beforeAll(async () => {
      // A window of its own, far ahead, so shifts from other tests stay out of it.
      window = { from: minutesFromNow(10 * 24 * 60), to: minutesFromNow(11 * 24 * 60) };
      const at = (minutes: number) => new Date(new Date(window.from).getTime() + minutes * 60_000).toISOString();
      open = (await createShift(t, manager.token, { startsAt: at(60), endsAt: at(120), slots: 2 })).id;
      full = (await createShift(t, manager.token, { startsAt: at(180), endsAt: at(240), slots: 1 })).id;
      await createShift(t, manager.token, { startsAt: at(300), endsAt: at(360), slots: 3 });
      await claimShift(t, agent.token, open);
      const other = await newAgent('Bo Other');
      await claimShift(t, other.token, full);
    });

    const list = (token: string, query: Record<string, string | number>) =>
      as(token).get('/shifts').query({ ...window, ...query }).expect(200);

    it('shows managers every claimant by name', async () => {
      const response = await list(manager.token, {});
      expect(response.body.items).toHaveLength(3);
      expect(response.body.items[0]).toMatchObject({ id: open, slots: 2, claimed: 1, claimedBy: [{ agentId: agent.id, name: 'Ada Agent' }] });
      expect(response.body.items[1]).toMatchObject({ id: full, slots: 1, claimed: 1, claimedBy: [{ name: 'Bo Other' }] });
      expect(response.body.nextCursor).toBeNull();
    });

    it('shows an agent the counts and only its own claim', async () => {
      const response = await list(agent.token, {});
      const byId = Object.fromEntries(response.body.items.map((item: { id: string }) => [item.id, item]));
      expect(byId[open]).toMatchObject({ claimed: 1, claimedBy: [{ agentId: agent.id, name: 'Ada Agent' }] });
      expect(byId[full]).toMatchObject({ claimed: 1, claimedBy: [] });
    });

    it('open=true leaves out full shifts', async () => {
      const response = await list(agent.token, { open: 'true' });
      expect(response.body.items.map((item: { id: string }) => item.id)).not.toContain(full);
      expect(response.body.items).toHaveLength(2);
    });

    it('open=true leaves out shifts that have ended', async () => {
      const running = await createShift(t, manager.token, { startsAt: minutesFromNow(-30), endsAt: minutesFromNow(1), slots: 2 });
      const shown = await as(agent.token).get('/shifts').query({ open: 'true', from: minutesFromNow(-60), to: minutesFromNow(5) }).expect(200);
      expect(shown.body.items.map((item: { id: string }) => item.id)).toContain(running.id);
      // Time travel: the API cannot create an ended shift, so this one is moved into the past.
      await t.db.query(`UPDATE shifts SET starts_at = now() - interval '2 hours', ends_at = now() - interval '1 hour' WHERE id = $1`, [running.id]);
      const after = await as(agent.token).get('/shifts').query({ open: 'true', from: minutesFromNow(-180), to: minutesFromNow(5) }).expect(200);
      expect(after.body.items.map((item: { id: string }) => item.id)).not.toContain(running.id);
      const all = await as(agent.token).get('/shifts').query({ from: minutesFromNow(-180), to: minutesFromNow(5) }).expect(200);
      expect(all.body.items.map((item: { id: string }) => item.id)).toContain(running.id);
    });

    it('walks every page with limit and nextCursor', async () => {
      const first = await list(manager.token, { limit: 2 });
      expect(first.body.items).toHaveLength(2);
      expect(first.body.nextCursor).toEqual(expect.any(String));
      const second = await list(manager.token, { limit: 2, cursor: first.body.nextCursor });
      expect(second.body.items).toHaveLength(1);
      expect(second.body.nextCursor).toBeNull();
      const ids = [...first.body.items, ...second.body.items].map((item: { id: string }) => item.id);
      expect(new Set(ids).size).toBe(3);
    });

    it.each([
      ['from', { from: 'yesterday' }],
      ['to', { to: 'later' }],
      ['open', { open: 'yes' }],
      ['limit', { limit: 0 }],
      ['cursor', { cursor: 'garbage' }],
    ])('names %s when it is invalid', async (field, query) => {
      const response = await as(agent.token).get('/shifts').query(query).expect(400);
      expect(response.body.message).toContain(field);
    });

    it('requires a token (401)', async () => {
      await t.http().get('/api/v1/shifts').expect(401);
    });
  });

  describe('POST /shifts/:id/claim and DELETE /shifts/:id/claim', () => {
    it('claims a slot and releases it again', async () => {
      const shift = await createShift(t, manager.token, { slots: 2 });
      const claimer = await newAgent('Cy Claimer');
      const claimed = await as(claimer.token).post(`/shifts/${shift.id}/claim`).expect(200);
      expect(claimed.body).toMatchObject({ id: shift.id, claimed: 1, claimedBy: [{ agentId: claimer.id, name: 'Cy Claimer' }] });

      await as(claimer.token).delete(`/shifts/${shift.id}/claim`).expect(204);
      const row = await t.db.query(`SELECT claimed FROM shifts WHERE id = $1`, [shift.id]);
      expect(row.rows[0].claimed).toBe(0);
      const claims = await t.db.query(`SELECT 1 FROM shift_claims WHERE shift_id = $1`, [shift.id]);
      expect(claims.rowCount).toBe(0);
      const events = await t.db.query(`SELECT type FROM events WHERE subject_id = $1 AND type LIKE 'shift.%' ORDER BY id`, [shift.id]);
      expect(events.rows.map((event) => event.type)).toEqual(['shift.created', 'shift.claimed', 'shift.released']);
    });

    it('answers 409 when the caller already claimed the shift', async () => {
      const shift = await createShift(t, manager.token);
      const claimer = await newAgent();
      await claimShift(t, claimer.token, shift.id);
      const response = await as(claimer.token).post(`/shifts/${shift.id}/claim`).expect(409);
      expect(response.body.message).toContain('already claimed');
    });

    it('answers 409 when the shift is full', async () => {
      const shift = await createShift(t, manager.token, { slots: 1 });
      const [first, second] = await Promise.all([newAgent(), newAgent()]);
      await claimShift(t, first.token, shift.id);
      const response = await as(second.token).post(`/shifts/${shift.id}/claim`).expect(409);
      expect(response.body.message).toContain('full');
    });

    it('answers 409 when the shift is over', async () => {
      const shift = await createShift(t, manager.token);
      // Time travel: the API cannot create an ended shift.
      await t.db.query(`UPDATE shifts SET starts_at = now() - interval '3 hours', ends_at = now() - interval '1 hour' WHERE id = $1`, [shift.id]);
      const response = await as(agent.token).post(`/shifts/${shift.id}/claim`).expect(409);
      expect(response.body.message).toContain('over');
    });

    it('answers 409 when the shift overlaps another claimed shift of the caller, naming it', async () => {
      const claimer = await newAgent();
      const first = await createShift(t, manager.token, { startsAt: minutesFromNow(2000), endsAt: minutesFromNow(2240) });
      const overlapping = await createShift(t, manager.token, { startsAt: minutesFromNow(2200), endsAt: minutesFromNow(2400) });
      const backToBack = await createShift(t, manager.token, { startsAt: first.endsAt, endsAt: minutesFromNow(2300) });
      await claimShift(t, claimer.token, first.id);
      const response = await as(claimer.token).post(`/shifts/${overlapping.id}/claim`).expect(409);
      expect(response.body.message).toContain(first.id);
      const row = await t.db.query(`SELECT claimed FROM shifts WHERE id = $1`, [overlapping.id]);
      expect(row.rows[0].claimed).toBe(0);
      await claimShift(t, claimer.token, backToBack.id);
    });

    it('gives the last slot to exactly one of 20 agents claiming it at once', async () => {
      const shift = await createShift(t, manager.token, { slots: 3 });
      const agents = await Promise.all(Array.from({ length: 22 }, (_, i) => newAgent(`Racer ${i}`)));
      await claimShift(t, agents[0].token, shift.id);
      await claimShift(t, agents[1].token, shift.id);
      const racers = agents.slice(2);
      const responses = await Promise.all(racers.map((racer) => as(racer.token).post(`/shifts/${shift.id}/claim`)));
      const statuses = responses.map((response) => response.status).sort();
      expect(statuses).toEqual([200, ...Array(19).fill(409)]);

      const row = await t.db.query(`SELECT claimed, slots FROM shifts WHERE id = $1`, [shift.id]);
      expect(row.rows[0]).toEqual({ claimed: 3, slots: 3 });
      const claims = await t.db.query(`SELECT agent_id FROM shift_claims WHERE shift_id = $1`, [shift.id]);
      expect(claims.rowCount).toBe(3);
      const winner = racers[responses.findIndex((response) => response.status === 200)];
      expect(claims.rows.map((claim) => claim.agent_id)).toContain(winner.id);
    });

    it('counts one claim when an agent claims twice at once', async () => {
      const shift = await createShift(t, manager.token, { slots: 5 });
      const claimer = await newAgent();
      const responses = await Promise.all([1, 2, 3].map(() => as(claimer.token).post(`/shifts/${shift.id}/claim`)));
      expect(responses.map((response) => response.status).sort()).toEqual([200, 409, 409]);
      const row = await t.db.query(`SELECT claimed FROM shifts WHERE id = $1`, [shift.id]);
      expect(row.rows[0].claimed).toBe(1);
    });

    it('answers 404 for an unknown shift and 400 for a malformed id', async () => {
      await as(agent.token).post(`/shifts/${randomUUID()}/claim`).expect(404);
      await as(agent.token).delete(`/shifts/${randomUUID()}/claim`).expect(404);
      const response = await as(agent.token).post('/shifts/not-a-uuid/claim').expect(400);
      expect(response.body.message).toContain('id');
    });

    it('answers 404 when releasing a shift the caller has not claimed', async () => {
      const shift = await createShift(t, manager.token);
      const response = await as(agent.token).delete(`/shifts/${shift.id}/claim`).expect(404);
      expect(response.body.message).toContain('claim');
    });

    it('answers 409 when releasing a shift that is over', async () => {
      const shift = await createShift(t, manager.token, { startsAt: minutesFromNow(5000), endsAt: minutesFromNow(5060) });
      const claimer = await newAgent();
      await claimShift(t, claimer.token, shift.id);
      // Time travel: the claimed shift has been worked.
      await t.db.query(`UPDATE shifts SET starts_at = now() - interval '3 hours', ends_at = now() - interval '2 hours' WHERE id = $1`, [shift.id]);
      const response = await as(claimer.token).delete(`/shifts/${shift.id}/claim`).expect(409);
      expect(response.body.message).toContain('over');
    });

    it('requires a token (401) and the agent role (403)', async () => {
      const shift = await createShift(t, manager.token);
      await t.http().post(`/api/v1/shifts/${shift.id}/claim`).expect(401);
      await t.http().delete(`/api/v1/shifts/${shift.id}/claim`).expect(401);
      for (const token of [manager.token, adminToken]) {
        await as(token).post(`/shifts/${shift.id}/claim`).expect(403);
        await as(token).delete(`/shifts/${shift.id}/claim`).expect(403);
      }
    });
  });

  it('documents the shift, roster and /me endpoints in OpenAPI', async () => {
    const response = await t.http().get('/docs-json').expect(200);
    expect(Object.keys(response.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/shifts',
        '/api/v1/shifts/{id}/claim',
        '/api/v1/roster',
        '/api/v1/me',
        '/api/v1/me/sign-in',
        '/api/v1/me/sign-out',
        '/api/v1/me/presence',
      ]),
    );
  });
});
