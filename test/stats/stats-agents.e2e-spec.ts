import { createAccount, loginAdmin, SignedInAccount } from '../factories/accounts';
import { startTestApp, TestApp } from '../support/test-app';
import { agentOnDuty, bearer, received, waitForStatus } from './stats-arrangement';

interface AgentStats {
  agentId: string;
  name: string;
  load: number;
  maxConcurrent: number;
  presence: string;
  handled: number;
  medianFirstResponseSeconds: number | null;
}

describe('GET /stats/agents', () => {
  let t: TestApp;
  let adminToken: string;
  let manager: SignedInAccount;
  let alma: SignedInAccount;
  let bert: SignedInAccount;
  let cleo: SignedInAccount;

  beforeAll(async () => {
    t = await startTestApp();
    adminToken = await loginAdmin(t);
    manager = await createAccount(t, adminToken, { role: 'incident_manager', languages: undefined });
    alma = await agentOnDuty(t, adminToken, 'sv', { name: 'Alma Andersson', maxConcurrent: 4 });
    bert = await agentOnDuty(t, adminToken, 'da', { name: 'Bert Berg' });
    cleo = await createAccount(t, adminToken, { name: 'Cleo Christensen', languages: [{ code: 'da', level: 5 }] });

    // Alma answers three conversations first and resolves two of them.
    const conversations: string[] = [];
    for (let i = 0; i < 3; i++) {
      const intake = await received(t, 600, { language: 'sv' });
      await waitForStatus(t, intake.conversationId, 'assigned');
      await t.http().post(`/api/v1/conversations/${intake.conversationId}/replies`).set(bearer(alma.token)).send({ text: 'Vi hjälper dig.' }).expect(201);
      conversations.push(intake.conversationId);
    }
    // A reply cannot be backdated through the API: the three first responses are placed 40, 100
    // and 300 s after the first message. Nearest-rank median of (40, 100, 300) is 100.
    for (const [index, seconds] of [40, 100, 300].entries()) {
      await t.db.query(`UPDATE conversations SET first_response_at = received_at + make_interval(secs => $2) WHERE id = $1`, [conversations[index], seconds]);
    }
    for (const id of conversations.slice(0, 2)) {
      await t.http().post(`/api/v1/conversations/${id}/resolve`).set(bearer(alma.token)).expect(200);
    }
  });
  afterAll(() => t?.close());

  const statsOf = async (token: string, query = ''): Promise<{ items: AgentStats[]; nextCursor: string | null }> => {
    const response = await t.http().get(`/api/v1/stats/agents${query}`).set(bearer(token)).expect(200);
    return response.body;
  };

  it('lists every agent by name with load, presence, handled and median first response', async () => {
    const { items, nextCursor } = await statsOf(manager.token);
    expect(nextCursor).toBeNull();
    expect(items).toEqual([
      { agentId: alma.id, name: 'Alma Andersson', load: 1, maxConcurrent: 4, presence: 'available', handled: 2, medianFirstResponseSeconds: 100 },
      { agentId: bert.id, name: 'Bert Berg', load: 0, maxConcurrent: 3, presence: 'available', handled: 0, medianFirstResponseSeconds: null },
      { agentId: cleo.id, name: 'Cleo Christensen', load: 0, maxConcurrent: 3, presence: 'offline', handled: 0, medianFirstResponseSeconds: null },
    ]);
  });

  it('agrees with the open assignments in Postgres', async () => {
    const { rows } = await t.db.query(`SELECT count(*)::int AS open FROM assignments WHERE agent_id = $1 AND ended_at IS NULL`, [alma.id]);
    const { items } = await statsOf(adminToken);
    expect(items.find((item) => item.agentId === alma.id)!.load).toBe(rows[0].open);
  });

  it('pages by name with a keyset cursor', async () => {
    const first = await statsOf(manager.token, '?limit=2');
    expect(first.items.map((item) => item.name)).toEqual(['Alma Andersson', 'Bert Berg']);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await statsOf(manager.token, `?limit=2&cursor=${first.nextCursor}`);
    expect(second.items.map((item) => item.name)).toEqual(['Cleo Christensen']);
    expect(second.nextCursor).toBeNull();
  });

  it('401 without a token', async () => {
    await t.http().get('/api/v1/stats/agents').expect(401);
  });

  it('403 for an agent', async () => {
    const response = await t.http().get('/api/v1/stats/agents').set(bearer(bert.token)).expect(403);
    expect(response.body.message).toMatch(/role/);
  });

  it.each([
    ['limit', 'limit=0'],
    ['limit', 'limit=501'],
    ['cursor', 'cursor=garbage'],
    ['cursor', `cursor=${Buffer.from(JSON.stringify(['Alma', 'not-a-uuid'])).toString('base64url')}`],
    ['sort', 'sort=name'],
  ])('400 naming the field: %s (%s)', async (field, query) => {
    const response = await t.http().get(`/api/v1/stats/agents?${query}`).set(bearer(manager.token)).expect(400);
    expect(response.body.message).toMatch(new RegExp(`^${field}`));
  });
});
