import { randomUUID } from 'crypto';
import { createAccount, login, loginAdmin, SignedInAccount } from '../factories/accounts';
import {
  activateSurge,
  createIncident,
  createInvite,
  deactivateSurge,
  enrollVolunteer,
  newEnrollBody,
  startSurgeWithVolunteer,
} from '../factories/incidents';
import { startTestApp, TestApp } from '../support/test-app';

describe('surge mode', () => {
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

  // Only one surge may be on at a time in this database: every test leaves it off again.
  afterEach(async () => {
    const active = await t.db.query<{ id: string }>('SELECT id FROM incidents WHERE surge_active');
    for (const { id } of active.rows) await deactivateSurge(t, manager.token, id);
  });

  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const surgeStatus = async (token: string) => (await t.http().get('/api/v1/surge').set(as(token)).expect(200)).body;

  describe('GET /surge', () => {
    it('says no surge is on, to any signed-in user', async () => {
      expect(await surgeStatus(agent.token)).toEqual({ active: false, incident: null, activatedAt: null });
    });

    it('names the incident in surge for an agent as well as a manager', async () => {
      const incident = await createIncident(t, manager.token, { name: 'Ash cloud', slaMinutes: 45 });
      const activated = await activateSurge(t, manager.token, incident.id);
      const expected = { active: true, incident: { id: incident.id, name: 'Ash cloud', slaMinutes: 45 }, activatedAt: activated.surgeActivatedAt };
      expect(await surgeStatus(agent.token)).toEqual(expected);
      expect(await surgeStatus(manager.token)).toEqual(expected);
    });

    it('needs a token (401)', async () => {
      await t.http().get('/api/v1/surge').expect(401);
    });
  });

  describe('POST /incidents/:id/surge/activate', () => {
    it('switches the surge on and records who did it', async () => {
      const incident = await createIncident(t, manager.token);
      const response = await t.http().post(`/api/v1/incidents/${incident.id}/surge/activate`).set(as(manager.token)).expect(200);
      expect(response.body).toMatchObject({ id: incident.id, surgeActive: true, surgeActivatedAt: expect.any(String) });
      expect(response.body.surgeHistory).toEqual([{ action: 'activated', actorId: manager.id, actorName: 'Mia Manager', at: expect.any(String) }]);
      const events = await t.db.query(`SELECT actor_id FROM events WHERE type = 'surge.activated' AND subject_id = $1`, [incident.id]);
      expect(events.rows).toEqual([{ actor_id: manager.id }]);
    });

    it('is idempotent for the incident already in surge: 200, no second history row', async () => {
      const incident = await createIncident(t, manager.token);
      const first = await activateSurge(t, manager.token, incident.id);
      const second = await activateSurge(t, adminToken, incident.id);
      expect(second.surgeActivatedAt).toBe(first.surgeActivatedAt);
      expect(second.surgeHistory).toHaveLength(1);
      const rows = await t.db.query(`SELECT count(*)::int AS n FROM surge_events WHERE incident_id = $1`, [incident.id]);
      expect(rows.rows[0].n).toBe(1);
    });

    it("answers 409 naming the incident whose surge is on", async () => {
      const active = await createIncident(t, manager.token, { name: 'Volcano' });
      await activateSurge(t, manager.token, active.id);
      const other = await createIncident(t, manager.token, { name: 'Strike' });
      const response = await t.http().post(`/api/v1/incidents/${other.id}/surge/activate`).set(as(manager.token)).expect(409);
      expect(response.body.message).toContain('Volcano');
      expect(response.body.message).toContain(active.id);
      const rows = await t.db.query('SELECT surge_active FROM incidents WHERE id = $1', [other.id]);
      expect(rows.rows[0].surge_active).toBe(false);
    });

    it('answers 409 for a closed incident', async () => {
      const incident = await createIncident(t, manager.token);
      await t.http().post(`/api/v1/incidents/${incident.id}/close`).set(as(manager.token)).expect(200);
      const response = await t.http().post(`/api/v1/incidents/${incident.id}/surge/activate`).set(as(manager.token)).expect(409);
      expect(response.body.message).toContain('closed');
    });

    it('answers 404, 400, 401 and 403', async () => {
      await t.http().post(`/api/v1/incidents/${randomUUID()}/surge/activate`).set(as(manager.token)).expect(404);
      await t.http().post('/api/v1/incidents/nope/surge/activate').set(as(manager.token)).expect(400);
      const incident = await createIncident(t, manager.token);
      await t.http().post(`/api/v1/incidents/${incident.id}/surge/activate`).expect(401);
      await t.http().post(`/api/v1/incidents/${incident.id}/surge/activate`).set(as(agent.token)).expect(403);
      const rows = await t.db.query('SELECT count(*)::int AS n FROM incidents WHERE surge_active');
      expect(rows.rows[0].n).toBe(0);
    });

    it('lets exactly one of two concurrent activations of different incidents win', async () => {
      for (let round = 0; round < 5; round++) {
        const [a, b] = [await createIncident(t, manager.token), await createIncident(t, manager.token)];
        const responses = await Promise.all(
          [a, b].map((incident) => t.http().post(`/api/v1/incidents/${incident.id}/surge/activate`).set(as(manager.token))),
        );
        expect(responses.map((r) => r.status).sort()).toEqual([200, 409]);
        const winner = responses[0].status === 200 ? a : b;
        const loser = winner === a ? responses[1] : responses[0];
        expect(loser.body.message).toContain(winner.id);
        const active = await t.db.query('SELECT id FROM incidents WHERE surge_active');
        expect(active.rows).toEqual([{ id: winner.id }]);
        const history = await t.db.query(`SELECT incident_id FROM surge_events WHERE incident_id = ANY($1) AND action = 'activated'`, [[a.id, b.id]]);
        expect(history.rows).toEqual([{ incident_id: winner.id }]);
        await deactivateSurge(t, manager.token, winner.id);
      }
    });
  });

  describe('POST /incidents/:id/surge/deactivate', () => {
    it('switches the surge off and records who did it', async () => {
      const incident = await createIncident(t, manager.token);
      await activateSurge(t, manager.token, incident.id);
      const response = await t.http().post(`/api/v1/incidents/${incident.id}/surge/deactivate`).set(as(adminToken)).expect(200);
      expect(response.body).toMatchObject({ surgeActive: false, surgeActivatedAt: null, status: 'open' });
      expect(response.body.surgeHistory.map((e: { action: string; actorName: string }) => [e.action, e.actorName])).toEqual([
        ['activated', 'Mia Manager'],
        ['deactivated', 'Administrator'],
      ]);
      expect(await surgeStatus(agent.token)).toEqual({ active: false, incident: null, activatedAt: null });
    });

    it('is idempotent when the surge is already off: 200, no history row', async () => {
      const incident = await createIncident(t, manager.token);
      const response = await t.http().post(`/api/v1/incidents/${incident.id}/surge/deactivate`).set(as(manager.token)).expect(200);
      expect(response.body).toMatchObject({ surgeActive: false, surgeHistory: [] });
      const events = await t.db.query(`SELECT count(*)::int AS n FROM events WHERE type = 'surge.deactivated' AND subject_id = $1`, [incident.id]);
      expect(events.rows[0].n).toBe(0);
    });

    it('lets the same incident surge again afterwards', async () => {
      const incident = await createIncident(t, manager.token);
      await activateSurge(t, manager.token, incident.id);
      await deactivateSurge(t, manager.token, incident.id);
      const again = await activateSurge(t, manager.token, incident.id);
      expect(again.surgeHistory.map((e) => e.action)).toEqual(['activated', 'deactivated', 'activated']);
    });

    it('answers 404, 401 and 403', async () => {
      await t.http().post(`/api/v1/incidents/${randomUUID()}/surge/deactivate`).set(as(manager.token)).expect(404);
      const incident = await createIncident(t, manager.token);
      await activateSurge(t, manager.token, incident.id);
      await t.http().post(`/api/v1/incidents/${incident.id}/surge/deactivate`).expect(401);
      await t.http().post(`/api/v1/incidents/${incident.id}/surge/deactivate`).set(as(agent.token)).expect(403);
      const rows = await t.db.query('SELECT surge_active FROM incidents WHERE id = $1', [incident.id]);
      expect(rows.rows[0].surge_active).toBe(true);
    });

    it('expires every volunteer of the incident and signs them out, keeping their data', async () => {
      const surge = await startSurgeWithVolunteer(t, manager.token, { languages: [{ code: 'nl', level: 4 }] });
      const pendingInvite = await createInvite(t, manager.token, surge.incidentId, { autoApprove: false });
      const pending = await enrollVolunteer(t, pendingInvite.code);
      // Sign-in belongs to the shifts API; presence is set directly so the sweep has something to undo.
      await t.db.query(`UPDATE agents SET presence = 'available', signed_in_at = now() WHERE user_id = ANY($1)`, [[surge.volunteer.id, agent.id]]);
      const volunteerAsAgent = await t.http().get('/api/v1/incidents').set(as(surge.volunteer.token)).expect(403);
      expect(volunteerAsAgent.body.message).toContain('incident_manager');

      await deactivateSurge(t, manager.token, surge.incidentId);

      const expired = await t.db.query(
        `SELECT u.id, u.status, a.presence, a.signed_in_at, a.incident_id FROM users u JOIN agents a ON a.user_id = u.id
          WHERE u.id = ANY($1) ORDER BY u.id`,
        [[surge.volunteer.id, pending.id]],
      );
      expect(expired.rows).toEqual(
        [surge.volunteer.id, pending.id].sort().map((id) => ({ id, status: 'expired', presence: 'offline', signed_in_at: null, incident_id: surge.incidentId })),
      );
      const languages = await t.db.query('SELECT code, level FROM agent_languages WHERE agent_id = $1', [surge.volunteer.id]);
      expect(languages.rows).toEqual([{ code: 'nl', level: 4 }]);
      const staff = await t.db.query('SELECT u.status, a.presence FROM users u JOIN agents a ON a.user_id = u.id WHERE u.id = $1', [agent.id]);
      expect(staff.rows).toEqual([{ status: 'active', presence: 'available' }]);

      const loginResponse = await t.http().post('/api/v1/auth/login').send({ email: surge.volunteer.email, password: surge.volunteer.password }).expect(403);
      expect(loginResponse.body.message).toContain('expired');
      await t.http().get('/api/v1/surge').set(as(surge.volunteer.token)).expect(403);

      const events = await t.db.query(
        `SELECT subject_id FROM events WHERE type = 'volunteer.expired' AND payload->>'incidentId' = $1 ORDER BY subject_id`,
        [surge.incidentId],
      );
      expect(events.rows.map((r) => r.subject_id)).toEqual([surge.volunteer.id, pending.id].sort());
      const summary = await t.db.query(`SELECT payload FROM events WHERE type = 'surge.deactivated' AND subject_id = $1`, [surge.incidentId]);
      expect(summary.rows).toEqual([{ payload: { expiredVolunteers: 2 } }]);
    });

    it('leaves no active volunteer behind when enrollments race the surge end', async () => {
      const incident = await createIncident(t, manager.token);
      await activateSurge(t, manager.token, incident.id);
      const invite = await createInvite(t, manager.token, incident.id, { maxUses: 50 });
      // Wrapped once each so no request is sent twice; the surge ends as soon as one enrollment is in.
      const enrollments = Array.from({ length: 12 }, () =>
        Promise.resolve(t.http().post('/api/v1/volunteers/enroll').send(newEnrollBody(invite.code))),
      );
      await Promise.any(enrollments.map((p) => p.then((r) => (r.status === 201 ? r : Promise.reject(new Error(String(r.status)))))));
      await deactivateSurge(t, manager.token, incident.id);
      const statuses = (await Promise.all(enrollments)).map((r) => r.status);

      expect(statuses.every((status) => status === 201 || status === 409)).toBe(true);
      const enrolled = statuses.filter((status) => status === 201).length;
      const volunteers = await t.db.query(
        `SELECT u.status, a.presence FROM users u JOIN agents a ON a.user_id = u.id WHERE a.incident_id = $1`,
        [incident.id],
      );
      expect(volunteers.rows).toHaveLength(enrolled);
      expect(volunteers.rows.every((v) => v.status === 'expired' && v.presence === 'offline')).toBe(true);
      const uses = await t.db.query('SELECT uses FROM invites WHERE code = $1', [invite.code]);
      expect(uses.rows[0].uses).toBe(enrolled);
    }, 120_000);

    it('leaves expired volunteers expired when the incident surges again', async () => {
      const surge = await startSurgeWithVolunteer(t, manager.token);
      await deactivateSurge(t, manager.token, surge.incidentId);
      await activateSurge(t, manager.token, surge.incidentId);
      await t.http().post('/api/v1/auth/login').send({ email: surge.volunteer.email, password: surge.volunteer.password }).expect(403);
      const fresh = await enrollVolunteer(t, surge.inviteCode);
      expect(await login(t, fresh.email, fresh.password)).toEqual(expect.any(String));
    });
  });
});
