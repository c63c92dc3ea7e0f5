import { randomUUID } from 'crypto';
import { createAccount, loginAdmin, SignedInAccount } from '../factories/accounts';
import { activateSurge, createIncident, deactivateSurge, IncidentView } from '../factories/incidents';
import { startTestApp, TestApp } from '../support/test-app';

describe('incidents', () => {
  let t: TestApp;
  let adminToken: string;
  let manager: SignedInAccount;
  let agent: SignedInAccount;

  beforeAll(async () => {
    t = await startTestApp();
    adminToken = await loginAdmin(t);
    manager = await createAccount(t, adminToken, { role: 'incident_manager', name: 'Mia Manager', languages: undefined });
    agent = await createAccount(t, adminToken);
  });
  afterAll(() => t.close());

  const as = (token: string) => ({ Authorization: `Bearer ${token}` });

  describe('POST /incidents', () => {
    it('opens an incident with the defaults', async () => {
      const response = await t.http().post('/api/v1/incidents').set(as(manager.token)).send({ name: 'Ash cloud' }).expect(201);
      expect(response.body).toEqual({
        id: expect.any(String),
        name: 'Ash cloud',
        description: null,
        status: 'open',
        surgeActive: false,
        surgeActivatedAt: null,
        slaMinutes: 60,
        maxShiftHoursPer24h: 12,
        volunteerMaxConcurrent: 3,
        createdAt: expect.any(String),
        closedAt: null,
        surgeHistory: [],
      });
      const rows = await t.db.query('SELECT created_by FROM incidents WHERE id = $1', [response.body.id]);
      expect(rows.rows[0].created_by).toBe(manager.id);
      const events = await t.db.query(`SELECT actor_id FROM events WHERE type = 'incident.created' AND subject_id = $1`, [response.body.id]);
      expect(events.rows).toEqual([{ actor_id: manager.id }]);
    });

    it('keeps a description and an SLA, and lets an admin create one too', async () => {
      const body = { name: 'Strike', description: 'Ground staff strike at CDG', slaMinutes: 30 };
      const response = await t.http().post('/api/v1/incidents').set(as(adminToken)).send(body).expect(201);
      expect(response.body).toMatchObject(body);
    });

    it.each([
      ['name', {}],
      ['name', { name: '' }],
      ['name', { name: 42 }],
      ['description', { name: 'x', description: 'd'.repeat(2001) }],
      ['slaMinutes', { name: 'x', slaMinutes: 0 }],
      ['slaMinutes', { name: 'x', slaMinutes: 10081 }],
      ['slaMinutes', { name: 'x', slaMinutes: 1.5 }],
      ['surgeActive', { name: 'x', surgeActive: true }],
    ])('names %s when it is invalid (case %#)', async (field, body) => {
      const response = await t.http().post('/api/v1/incidents').set(as(manager.token)).send(body).expect(400);
      expect(response.body.message).toContain(field);
    });

    it('needs a token (401) and the incident manager role (403)', async () => {
      await t.http().post('/api/v1/incidents').send({ name: 'x' }).expect(401);
      const response = await t.http().post('/api/v1/incidents').set(as(agent.token)).send({ name: 'x' }).expect(403);
      expect(response.body.message).toContain('incident_manager');
    });
  });

  describe('GET /incidents and /incidents/:id', () => {
    let listed: IncidentView[];

    beforeAll(async () => {
      listed = [];
      for (const name of ['List A', 'List B', 'List C']) listed.push(await createIncident(t, manager.token, { name }));
    });

    it('returns one incident with its surge history, naming who switched it', async () => {
      const [incident] = listed;
      await activateSurge(t, manager.token, incident.id);
      await deactivateSurge(t, adminToken, incident.id);
      const response = await t.http().get(`/api/v1/incidents/${incident.id}`).set(as(manager.token)).expect(200);
      expect(response.body.surgeHistory).toEqual([
        { action: 'activated', actorId: manager.id, actorName: 'Mia Manager', at: expect.any(String) },
        { action: 'deactivated', actorId: expect.any(String), actorName: 'Administrator', at: expect.any(String) },
      ]);
      const [on, off] = response.body.surgeHistory.map((entry: { at: string }) => Date.parse(entry.at));
      expect(off).toBeGreaterThanOrEqual(on);
    });

    it('lists newest first, page by page', async () => {
      const first = await t.http().get('/api/v1/incidents?limit=2').set(as(manager.token)).expect(200);
      expect(first.body.items.map((i: IncidentView) => i.name)).toEqual(['List C', 'List B']);
      expect(first.body.nextCursor).toEqual(expect.any(String));
      const second = await t
        .http()
        .get('/api/v1/incidents')
        .query({ limit: 2, cursor: first.body.nextCursor })
        .set(as(adminToken))
        .expect(200);
      expect(second.body.items[0].name).toBe('List A');
      expect(second.body.items[0].surgeHistory).toHaveLength(2);
      const all = await t.http().get('/api/v1/incidents?limit=500').set(as(manager.token)).expect(200);
      expect(all.body.nextCursor).toBeNull();
      const createdAt = all.body.items.map((i: IncidentView) => Date.parse(i.createdAt));
      expect([...createdAt].sort((a, b) => b - a)).toEqual(createdAt);
    });

    it('filters by status', async () => {
      const closed = await createIncident(t, manager.token, { name: 'Closed one' });
      await t.http().post(`/api/v1/incidents/${closed.id}/close`).set(as(manager.token)).expect(200);
      const response = await t.http().get('/api/v1/incidents?status=closed').set(as(manager.token)).expect(200);
      expect(response.body.items.map((i: IncidentView) => i.id)).toEqual([closed.id]);
    });

    it.each([
      ['limit', '?limit=0'],
      ['limit', '?limit=501'],
      ['status', '?status=archived'],
      ['cursor', '?cursor=garbage'],
    ])('names %s when the query is invalid (%s)', async (field, query) => {
      const response = await t.http().get(`/api/v1/incidents${query}`).set(as(manager.token)).expect(400);
      expect(response.body.message).toContain(field);
    });

    it('answers 404 for an unknown id and 400 for a malformed one', async () => {
      const unknown = randomUUID();
      const response = await t.http().get(`/api/v1/incidents/${unknown}`).set(as(manager.token)).expect(404);
      expect(response.body.message).toContain(unknown);
      const malformed = await t.http().get('/api/v1/incidents/not-a-uuid').set(as(manager.token)).expect(400);
      expect(malformed.body.message).toContain('id');
    });

    it('needs a token (401) and the incident manager role (403)', async () => {
      await t.http().get('/api/v1/incidents').expect(401);
      await t.http().get(`/api/v1/incidents/${listed[0].id}`).expect(401);
      await t.http().get('/api/v1/incidents').set(as(agent.token)).expect(403);
      await t.http().get(`/api/v1/incidents/${listed[0].id}`).set(as(agent.token)).expect(403);
    });
  });

  describe('POST /incidents/:id/close', () => {
    it('closes an incident whose surge is off, once', async () => {
      const incident = await createIncident(t, manager.token);
      const response = await t.http().post(`/api/v1/incidents/${incident.id}/close`).set(as(manager.token)).expect(200);
      expect(response.body).toMatchObject({ id: incident.id, status: 'closed', surgeActive: false, closedAt: expect.any(String) });
      const again = await t.http().post(`/api/v1/incidents/${incident.id}/close`).set(as(adminToken)).expect(200);
      expect(again.body.closedAt).toBe(response.body.closedAt);
      const events = await t.db.query(`SELECT count(*)::int AS n FROM events WHERE type = 'incident.closed' AND subject_id = $1`, [incident.id]);
      expect(events.rows[0].n).toBe(1);
    });

    it('refuses while the surge is active (409), then closes once it is off', async () => {
      const incident = await createIncident(t, manager.token);
      await activateSurge(t, manager.token, incident.id);
      const response = await t.http().post(`/api/v1/incidents/${incident.id}/close`).set(as(manager.token)).expect(409);
      expect(response.body.message).toContain('surge');
      const rows = await t.db.query('SELECT status FROM incidents WHERE id = $1', [incident.id]);
      expect(rows.rows[0].status).toBe('open');
      await deactivateSurge(t, manager.token, incident.id);
      await t.http().post(`/api/v1/incidents/${incident.id}/close`).set(as(manager.token)).expect(200);
    });

    it('answers 404, 401 and 403', async () => {
      await t.http().post(`/api/v1/incidents/${randomUUID()}/close`).set(as(manager.token)).expect(404);
      const incident = await createIncident(t, manager.token);
      await t.http().post(`/api/v1/incidents/${incident.id}/close`).expect(401);
      await t.http().post(`/api/v1/incidents/${incident.id}/close`).set(as(agent.token)).expect(403);
    });
  });

  it('documents every incident endpoint in OpenAPI', async () => {
    const response = await t.http().get('/docs-json').expect(200);
    expect(Object.keys(response.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/incidents',
        '/api/v1/incidents/{id}',
        '/api/v1/incidents/{id}/surge/activate',
        '/api/v1/incidents/{id}/surge/deactivate',
        '/api/v1/incidents/{id}/close',
        '/api/v1/incidents/{id}/invites',
        '/api/v1/surge',
        '/api/v1/volunteers/enroll',
      ]),
    );
  });
});
