import { randomUUID } from 'crypto';
import { createAccount, loginAdmin, SignedInAccount } from '../factories/accounts';
import { activateSurge, createIncident, createInvite, enrollVolunteer, InviteView } from '../factories/incidents';
import { startTestApp, TestApp } from '../support/test-app';

describe('GET /incidents/:id/invites', () => {
  let t: TestApp;
  let adminToken: string;
  let manager: SignedInAccount;
  let incidentId: string;
  let invites: InviteView[];

  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const list = (id: string, query: Record<string, unknown> = {}) => t.http().get(`/api/v1/incidents/${id}/invites`).query(query);

  beforeAll(async () => {
    t = await startTestApp();
    adminToken = await loginAdmin(t);
    manager = await createAccount(t, adminToken, { role: 'incident_manager', languages: undefined });
    incidentId = (await createIncident(t, manager.token)).id;
    await activateSurge(t, manager.token, incidentId);
    invites = [];
    for (const maxUses of [3, 4, 5]) invites.push(await createInvite(t, manager.token, incidentId, { maxUses }));
    // Another incident's invite is not listed.
    await createInvite(t, manager.token, (await createIncident(t, manager.token)).id);
    await enrollVolunteer(t, invites[0].code);
    await enrollVolunteer(t, invites[0].code);
  });
  afterAll(() => t.close());

  it("lists the incident's invites newest first, with the uses so far", async () => {
    const response = await list(incidentId).set(as(manager.token)).expect(200);
    expect(response.body.nextCursor).toBeNull();
    expect(response.body.items.map((invite: InviteView) => [invite.code, invite.maxUses, invite.uses])).toEqual([
      [invites[2].code, 5, 0],
      [invites[1].code, 4, 0],
      [invites[0].code, 3, 2],
    ]);
    expect(response.body.items[0]).toEqual({ ...invites[2], uses: 0 });
  });

  it('pages with the cursor it returns, and refuses one it did not', async () => {
    const first = await list(incidentId, { limit: 2 }).set(as(manager.token)).expect(200);
    expect(first.body.items).toHaveLength(2);
    const second = await list(incidentId, { limit: 2, cursor: first.body.nextCursor }).set(as(manager.token)).expect(200);
    expect([...first.body.items, ...second.body.items].map((invite: InviteView) => invite.code)).toEqual([invites[2].code, invites[1].code, invites[0].code]);
    expect(second.body.nextCursor).toBeNull();
    const forged = Buffer.from(JSON.stringify(['yesterday', 'x'])).toString('base64url');
    const refused = await list(incidentId, { cursor: forged }).set(as(manager.token)).expect(400);
    expect(refused.body.message).toBe('cursor is not a cursor this list returned');
  });

  it('answers 404 for an unknown incident and refuses agents', async () => {
    await list(randomUUID()).set(as(manager.token)).expect(404);
    const agent = await createAccount(t, adminToken);
    await list(incidentId).set(as(agent.token)).expect(403);
    await list(incidentId).set(as(adminToken)).expect(200);
  });
});
