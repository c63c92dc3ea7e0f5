import { randomUUID } from 'crypto';
import { createAccount, login, loginAdmin, SignedInAccount } from '../factories/accounts';
import { assignedConversation, openCount, signedInAgent } from '../factories/conversations';
import { activateSurge, createIncident, createInvite, deactivateSurge, enrollVolunteer, EnrolledVolunteer } from '../factories/incidents';
import { startTestApp, TestApp } from '../support/test-app';

/** GET, PATCH /agents/:id and POST /agents/:id/approve. */
describe('agent management', () => {
  let t: TestApp;
  let adminToken: string;
  let manager: SignedInAccount;
  let agent: SignedInAccount;

  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const get = (id: string, token = adminToken) => t.http().get(`/api/v1/agents/${id}`).set(as(token));
  const patch = (id: string, body: Record<string, unknown>, token = adminToken) =>
    t.http().patch(`/api/v1/agents/${id}`).set(as(token)).send(body);
  const approve = (id: string, token = adminToken) => t.http().post(`/api/v1/agents/${id}/approve`).set(as(token));

  const agentRow = async (id: string) => {
    const { rows } = await t.db.query(
      `SELECT u.name, u.status, a.max_concurrent, a.presence, a.signed_in_at,
              (SELECT json_agg(json_build_array(code, level) ORDER BY code) FROM agent_languages WHERE agent_id = a.user_id) AS languages,
              (SELECT json_agg(json_build_array(name, level) ORDER BY name) FROM agent_skills WHERE agent_id = a.user_id) AS skills
         FROM agents a JOIN users u ON u.id = a.user_id WHERE a.user_id = $1`,
      [id],
    );
    return rows[0];
  };
  const eventsOf = async (type: string, subjectId: string) => {
    const { rows } = await t.db.query(`SELECT actor_id, payload FROM events WHERE type = $1 AND subject_id = $2 ORDER BY id`, [type, subjectId]);
    return rows as { actor_id: string; payload: Record<string, unknown> }[];
  };

  let adminId: string;

  beforeAll(async () => {
    t = await startTestApp();
    adminToken = await loginAdmin(t);
    adminId = (await t.db.query(`SELECT id FROM users WHERE role = 'admin'`)).rows[0].id;
    manager = await createAccount(t, adminToken, { role: 'incident_manager', languages: undefined });
    agent = await createAccount(t, adminToken, { name: 'Plain Agent' });
  });
  afterAll(() => t.close());

  describe('GET /agents/:id', () => {
    it('returns the agent view', async () => {
      const response = await get(agent.id).expect(200);
      expect(response.body).toMatchObject({ id: agent.id, email: agent.email, name: 'Plain Agent', kind: 'staff', load: 0 });
      expect(response.body.passwordHash).toBeUndefined();
    });

    it('answers 404 for an unknown id and for an account that is not an agent', async () => {
      expect((await get(randomUUID()).expect(404)).body.message).toContain('agent');
      await get(manager.id).expect(404);
    });

    it('answers 400 naming id when it is not a UUID', async () => {
      expect((await get('not-a-uuid').expect(400)).body.message).toContain('id');
    });

    it('needs a token (401) and the admin role (403)', async () => {
      await t.http().get(`/api/v1/agents/${agent.id}`).expect(401);
      await get(agent.id, manager.token).expect(403);
      await get(agent.id, agent.token).expect(403);
    });
  });

  describe('PATCH /agents/:id', () => {
    it('changes name, languages, skills and maxConcurrent in one go and audits the field names only', async () => {
      const target = await createAccount(t, adminToken, { name: 'Before' });
      const response = await patch(target.id, {
        name: 'After',
        languages: [{ code: 'nl', level: 5 }, { code: 'de', level: 2 }],
        skills: [{ name: 'refunds', level: 4 }],
        maxConcurrent: 7,
      }).expect(200);
      expect(response.body).toMatchObject({
        id: target.id,
        name: 'After',
        languages: [{ code: 'de', level: 2 }, { code: 'nl', level: 5 }],
        skills: [{ name: 'refunds', level: 4 }],
        maxConcurrent: 7,
        status: 'active',
      });
      expect(await agentRow(target.id)).toMatchObject({
        name: 'After',
        max_concurrent: 7,
        languages: [['de', 2], ['nl', 5]],
        skills: [['refunds', 4]],
      });
      const events = await eventsOf('agent.updated', target.id);
      expect(events).toEqual([{ actor_id: adminId, payload: { changed: ['name', 'maxConcurrent', 'languages', 'skills'] } }]);
    });

    it('changes only the fields given and records only what really changed', async () => {
      const target = await createAccount(t, adminToken, { languages: [{ code: 'en', level: 5 }], skills: [{ name: 'rebooking', level: 3 }] });
      await patch(target.id, { maxConcurrent: 5, languages: [{ code: 'en', level: 5 }] }).expect(200);
      expect(await agentRow(target.id)).toMatchObject({ max_concurrent: 5, languages: [['en', 5]], skills: [['rebooking', 3]] });
      expect((await eventsOf('agent.updated', target.id)).map((event) => event.payload)).toEqual([{ changed: ['maxConcurrent'] }]);
    });

    it('clears skills with an empty list', async () => {
      const target = await createAccount(t, adminToken, { skills: [{ name: 'rebooking', level: 3 }] });
      const response = await patch(target.id, { skills: [] }).expect(200);
      expect(response.body.skills).toEqual([]);
      expect((await agentRow(target.id)).skills).toBeNull();
    });

    it.each<[string, Record<string, unknown>]>([
      ['name', { name: null }],
      ['name', { name: '' }],
      ['languages', { languages: null }],
      ['languages.0.code', { languages: [{ code: 'xx', level: 3 }] }],
      ['languages.0.level', { languages: [{ code: 'en', level: 0 }] }],
      ['languages', { languages: [{ code: 'en', level: 3 }, { code: 'en', level: 4 }] }],
      ['skills.0.name', { skills: [{ name: 'Bad Skill', level: 3 }] }],
      ['maxConcurrent', { maxConcurrent: 0 }],
      ['maxConcurrent', { maxConcurrent: 21 }],
      ['maxConcurrent', { maxConcurrent: null }],
      ['status', { status: 'expired' }],
      ['status', { status: 'pending' }],
      ['email', { email: 'new@airline.test' }],
    ])('answers 400 naming %s', async (field, body) => {
      const response = await patch(agent.id, body).expect(400);
      expect(response.body.message).toContain(field);
    });

    it('answers 404 for an unknown agent or a non-agent account', async () => {
      await patch(randomUUID(), { name: 'x' }).expect(404);
      await patch(manager.id, { name: 'x' }).expect(404);
    });

    it('needs a token (401) and the admin role (403)', async () => {
      await t.http().patch(`/api/v1/agents/${agent.id}`).send({ name: 'x' }).expect(401);
      await patch(agent.id, { name: 'x' }, manager.token).expect(403);
      await patch(agent.id, { name: 'x' }, agent.token).expect(403);
      expect((await agentRow(agent.id)).name).toBe('Plain Agent');
    });

    it('refuses (409) to lower maxConcurrent below the current load, and allows down to it', async () => {
      const busy = await signedInAgent(t, adminToken, 'fi', { maxConcurrent: 3 });
      await assignedConversation(t, busy, 'fi');
      await assignedConversation(t, busy, 'fi');
      expect(await openCount(t, busy.id)).toBe(2);

      const refused = await patch(busy.id, { maxConcurrent: 1, name: 'Not Renamed' }).expect(409);
      expect(refused.body.message).toBe("maxConcurrent 1 is below the agent's current load of 2 open conversations");
      expect(await agentRow(busy.id)).toMatchObject({ max_concurrent: 3, name: 'Test Person' });

      const allowed = await patch(busy.id, { maxConcurrent: 2 }).expect(200);
      expect(allowed.body).toMatchObject({ maxConcurrent: 2, load: 2 });
    });

    it('suspends: signs the agent out at once, blocks login; lifting the suspension lets it back in', async () => {
      const target = await signedInAgent(t, adminToken, 'sv');
      expect((await agentRow(target.id)).presence).toBe('available');

      const response = await patch(target.id, { status: 'suspended' }).expect(200);
      expect(response.body).toMatchObject({ status: 'suspended', presence: 'offline', signedInAt: null });
      expect(await agentRow(target.id)).toMatchObject({ status: 'suspended', presence: 'offline', signed_in_at: null });
      expect((await eventsOf('agent.signed_out', target.id)).map((event) => event.payload)).toEqual([{ reason: 'suspended' }]);
      expect((await eventsOf('agent.updated', target.id)).map((event) => event.payload)).toEqual([{ changed: ['status'] }]);
      await t.http().post('/api/v1/auth/login').send({ email: target.email, password: target.password }).expect(403);
      await t.http().get('/api/v1/me').set(as(target.token)).expect(403);

      await patch(target.id, { status: 'active' }).expect(200);
      await login(t, target.email, target.password);
    });

    it('suspending twice is a no-op the second time', async () => {
      const target = await createAccount(t, adminToken);
      await patch(target.id, { status: 'suspended' }).expect(200);
      await patch(target.id, { status: 'suspended' }).expect(200);
      expect(await eventsOf('agent.updated', target.id)).toHaveLength(1);
    });
  });

  describe('volunteers: approve, pending and expired accounts', () => {
    let incidentId: string;
    let pending: EnrolledVolunteer;
    let pendingForPatch: EnrolledVolunteer;
    let pendingForRace: EnrolledVolunteer;
    let active: EnrolledVolunteer;

    beforeAll(async () => {
      incidentId = (await createIncident(t, adminToken)).id;
      await activateSurge(t, adminToken, incidentId);
      const reviewed = await createInvite(t, adminToken, incidentId, { autoApprove: false });
      pending = await enrollVolunteer(t, reviewed.code);
      pendingForPatch = await enrollVolunteer(t, reviewed.code);
      pendingForRace = await enrollVolunteer(t, reviewed.code);
      active = await enrollVolunteer(t, (await createInvite(t, adminToken, incidentId, { autoApprove: true })).code);
      expect([pending.status, active.status]).toEqual(['pending', 'active']);
    });

    it('approves a pending volunteer, who can then log in', async () => {
      await t.http().post('/api/v1/auth/login').send({ email: pending.email, password: pending.password }).expect(403);
      const response = await approve(pending.id).expect(200);
      expect(response.body).toMatchObject({ id: pending.id, status: 'active', kind: 'volunteer', incidentId });
      expect((await agentRow(pending.id)).status).toBe('active');
      expect(await eventsOf('agent.approved', pending.id)).toEqual([{ actor_id: adminId, payload: {} }]);
      await login(t, pending.email, pending.password);
    });

    it('answers 409 when the agent is not pending', async () => {
      expect((await approve(active.id).expect(409)).body.message).toBe(`agent ${active.id} is active, not pending approval`);
      await approve(agent.id).expect(409);
    });

    it('approves exactly once when approvals race', async () => {
      const responses = await Promise.all(Array.from({ length: 5 }, () => approve(pendingForRace.id)));
      expect(responses.map((response) => response.status).sort()).toEqual([200, 409, 409, 409, 409]);
      expect(await eventsOf('agent.approved', pendingForRace.id)).toHaveLength(1);
      expect((await agentRow(pendingForRace.id)).status).toBe('active');
    });

    it('answers 409 to PATCH status active on a pending volunteer (approve is the way)', async () => {
      const response = await patch(pendingForPatch.id, { status: 'active' }).expect(409);
      expect(response.body.message).toContain('approve');
      expect((await agentRow(pendingForPatch.id)).status).toBe('pending');
    });

    it('answers 404, 401 and 403 on approve', async () => {
      await approve(randomUUID()).expect(404);
      await approve(manager.id).expect(404);
      await t.http().post(`/api/v1/agents/${pendingForPatch.id}/approve`).expect(401);
      await approve(pendingForPatch.id, manager.token).expect(403);
      await approve(pendingForPatch.id, agent.token).expect(403);
      expect((await agentRow(pendingForPatch.id)).status).toBe('pending');
    });

    it('answers 409 to reactivating a volunteer expired by the end of its surge', async () => {
      await deactivateSurge(t, adminToken, incidentId);
      expect((await agentRow(active.id)).status).toBe('expired');
      const response = await patch(active.id, { status: 'active' }).expect(409);
      expect(response.body.message).toContain('expired');
      expect((await agentRow(active.id)).status).toBe('expired');
    });
  });
});
