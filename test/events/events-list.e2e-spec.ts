import { randomUUID } from 'crypto';
import { createAccount, loginAdmin, SignedInAccount } from '../factories/accounts';
import { createIncident } from '../factories/incidents';
import { bearer } from '../stats/stats-arrangement';
import { startTestApp, TestApp } from '../support/test-app';

interface EventView {
  id: string;
  type: string;
  actorId: string | null;
  subjectType: string | null;
  subjectId: string | null;
  payload: Record<string, unknown>;
  at: string;
}

describe('GET /events', () => {
  let t: TestApp;
  let adminToken: string;
  let manager: SignedInAccount;
  let agent: SignedInAccount;
  let incidentId: string;
  let all: EventView[];

  beforeAll(async () => {
    t = await startTestApp();
    adminToken = await loginAdmin(t);
    manager = await createAccount(t, adminToken, { role: 'incident_manager', languages: undefined });
    agent = await createAccount(t, adminToken);
    await t.http().post('/api/v1/auth/login').send({ email: agent.email, password: 'wrong-password-123' }).expect(401);
    incidentId = (await createIncident(t, manager.token)).id;
    await createAccount(t, adminToken);
    all = (await list(manager.token, 'limit=500')).items;
  });
  afterAll(() => t?.close());

  const list = async (token: string, query = ''): Promise<{ items: EventView[]; nextCursor: string | null }> => {
    const response = await t.http().get(`/api/v1/events?${query}`).set(bearer(token)).expect(200);
    return response.body;
  };
  const idsOf = (events: EventView[]) => events.map((event) => event.id);

  it('returns the audit trail newest first, in the documented shape, matching Postgres', async () => {
    const { rows } = await t.db.query(`SELECT id::text AS id, type, actor_id, subject_id FROM events ORDER BY id DESC`);
    expect(idsOf(all)).toEqual(rows.map((row) => row.id));
    expect(all.length).toBeGreaterThanOrEqual(5);
    const incidentCreated = all.find((event) => event.type === 'incident.created')!;
    expect(incidentCreated).toEqual({
      id: expect.stringMatching(/^\d+$/),
      type: 'incident.created',
      actorId: manager.id,
      subjectType: 'incident',
      subjectId: incidentId,
      payload: { slaMinutes: 60, maxShiftHoursPer24h: 12, volunteerMaxConcurrent: 3 },
      at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
    });
  });

  it('is open to admins too', async () => {
    expect(idsOf((await list(adminToken, 'limit=500')).items)).toEqual(idsOf(all));
  });

  it.each([
    ['type', () => 'type=user.created', (event: EventView) => event.type === 'user.created'],
    ['actorId', () => `actorId=${manager.id}`, (event: EventView) => event.actorId === manager.id],
    ['subjectId', () => `subjectId=${agent.id}`, (event: EventView) => event.subjectId === agent.id],
    ['type and subjectId', () => `type=auth.login_failed&subjectId=${agent.id}`, (event: EventView) => event.type === 'auth.login_failed' && event.subjectId === agent.id],
  ])('filters by %s', async (_, query, keep) => {
    const expected = all.filter(keep);
    expect(expected.length).toBeGreaterThan(0);
    expect(idsOf((await list(manager.token, query())).items)).toEqual(idsOf(expected));
  });

  it('filters by time: from is inclusive, to exclusive, and together they split the trail', async () => {
    const pivot = all[Math.floor(all.length / 2)].at;
    const from = (await list(manager.token, `from=${pivot}&limit=500`)).items;
    const to = (await list(manager.token, `to=${pivot}&limit=500`)).items;
    expect(idsOf(from)).toEqual(idsOf(all.filter((event) => event.at >= pivot)));
    expect(idsOf(to)).toEqual(idsOf(all.filter((event) => event.at < pivot)));
    expect(from.length + to.length).toBe(all.length);
  });

  it('matches nothing for an unknown subject', async () => {
    expect(await list(manager.token, `subjectId=${randomUUID()}`)).toEqual({ items: [], nextCursor: null });
  });

  it('pages with a keyset cursor, every event exactly once', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: EventView[]; nextCursor: string | null } = await list(manager.token, `limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...idsOf(page.items));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(idsOf(all));
  });

  it('401 without a token', async () => {
    await t.http().get('/api/v1/events').expect(401);
  });

  it('403 for an agent', async () => {
    const response = await t.http().get('/api/v1/events').set(bearer(agent.token)).expect(403);
    expect(response.body.message).toMatch(/role/);
  });

  it.each([
    ['type', 'type=conversation.exploded'],
    ['actorId', 'actorId=42'],
    ['subjectId', 'subjectId=not-a-uuid'],
    ['from', 'from=yesterday'],
    ['to', 'to=2024-13-01'],
    ['from', 'from=2024-11-23T00:00:00Z&to=2024-11-22T00:00:00Z'],
    ['limit', 'limit=0'],
    ['limit', 'limit=501'],
    ['cursor', 'cursor=garbage'],
    ['cursor', `cursor=${Buffer.from(JSON.stringify(['1', 'drop table'])).toString('base64url')}`],
    ['sort', 'sort=asc'],
  ])('400 naming the field: %s (%s)', async (field, query) => {
    const response = await t.http().get(`/api/v1/events?${query}`).set(bearer(manager.token)).expect(400);
    expect(response.body.message).toMatch(new RegExp(`^${field}`));
  });
});
