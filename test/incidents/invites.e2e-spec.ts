import { randomUUID } from 'crypto';
import { createAccount, loginAdmin, SignedInAccount } from '../factories/accounts';
import { createIncident, createInvite, IncidentView } from '../factories/incidents';
import { startTestApp, TestApp } from '../support/test-app';

describe('POST /incidents/:id/invites', () => {
  let t: TestApp;
  let adminToken: string;
  let manager: SignedInAccount;
  let agent: SignedInAccount;
  let incident: IncidentView;

  beforeAll(async () => {
    t = await startTestApp();
    adminToken = await loginAdmin(t);
    manager = await createAccount(t, adminToken, { role: 'incident_manager', languages: undefined });
    agent = await createAccount(t, adminToken);
    incident = await createIncident(t, manager.token);
  });
  afterAll(() => t.close());

  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const post = (incidentId: string) => t.http().post(`/api/v1/incidents/${incidentId}/invites`);

  it('issues a hard-to-guess code with the defaults, even before the surge starts', async () => {
    const response = await post(incident.id).set(as(manager.token)).send({}).expect(201);
    expect(response.body).toEqual({
      code: expect.stringMatching(/^[0-9A-Z]{16}$/),
      incidentId: incident.id,
      maxUses: 100,
      uses: 0,
      expiresAt: null,
      autoApprove: true,
      createdAt: expect.any(String),
    });
    const rows = await t.db.query('SELECT incident_id, max_uses, created_by FROM invites WHERE code = $1', [response.body.code]);
    expect(rows.rows).toEqual([{ incident_id: incident.id, max_uses: 100, created_by: manager.id }]);
  });

  it('keeps maxUses, expiresAt and autoApprove, and lets an admin issue one', async () => {
    const expiresAt = new Date(Date.now() + 86_400_000).toISOString();
    const invite = await createInvite(t, adminToken, incident.id, { maxUses: 100000, expiresAt, autoApprove: false });
    expect(invite).toMatchObject({ maxUses: 100000, uses: 0, expiresAt, autoApprove: false });
  });

  it('never hands out the same code twice', async () => {
    const invites = await Promise.all(Array.from({ length: 20 }, () => createInvite(t, manager.token, incident.id)));
    expect(new Set(invites.map((invite) => invite.code)).size).toBe(20);
  });

  it('records the issue without the code in the audit trail', async () => {
    const invite = await createInvite(t, manager.token, incident.id, { maxUses: 7 });
    const events = await t.db.query(`SELECT actor_id, payload FROM events WHERE type = 'invite.created' AND payload->>'maxUses' = '7'`);
    expect(events.rows).toEqual([{ actor_id: manager.id, payload: { maxUses: 7, expiresAt: null, autoApprove: true } }]);
    expect(JSON.stringify(events.rows)).not.toContain(invite.code);
  });

  it.each([
    ['maxUses', { maxUses: 0 }],
    ['maxUses', { maxUses: 100001 }],
    ['maxUses', { maxUses: 2.5 }],
    ['expiresAt', { expiresAt: 'tomorrow' }],
    ['expiresAt', { expiresAt: '2020-01-01T00:00:00Z' }],
    ['autoApprove', { autoApprove: 'yes' }],
    ['code', { code: 'MYOWNCODE1234567' }],
  ])('names %s when it is invalid (case %#)', async (field, body) => {
    const response = await post(incident.id).set(as(manager.token)).send(body).expect(400);
    expect(response.body.message).toContain(field);
  });

  it('answers 404 for an unknown incident and 409 for a closed one', async () => {
    await post(randomUUID()).set(as(manager.token)).send({}).expect(404);
    const closed = await createIncident(t, manager.token);
    await t.http().post(`/api/v1/incidents/${closed.id}/close`).set(as(manager.token)).expect(200);
    const response = await post(closed.id).set(as(manager.token)).send({}).expect(409);
    expect(response.body.message).toContain('closed');
  });

  it('needs a token (401) and the incident manager role (403)', async () => {
    await post(incident.id).send({}).expect(401);
    await post(incident.id).set(as(agent.token)).send({}).expect(403);
    const rows = await t.db.query('SELECT count(*)::int AS n FROM invites WHERE created_by = $1', [agent.id]);
    expect(rows.rows[0].n).toBe(0);
  });
});
