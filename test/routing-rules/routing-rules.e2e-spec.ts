import { randomUUID } from 'crypto';
import { createAccount, loginAdmin } from '../factories/accounts';
import { createRule, newRuleBody, RuleView } from '../factories/rules';
import { startTestApp, TestApp } from '../support/test-app';

const RULES = '/api/v1/routing/rules';

describe('routing rules (admin)', () => {
  let t: TestApp;
  let adminToken: string;

  beforeAll(async () => {
    t = await startTestApp();
    adminToken = await loginAdmin(t);
  });
  afterAll(() => t.close());

  const auth = (token = adminToken) => ({ Authorization: `Bearer ${token}` });
  const list = async () => (await t.http().get(RULES).set(auth()).expect(200)).body as { version: number; items: RuleView[] };
  const storedVersion = async () => (await t.db.query('SELECT version FROM routing_ruleset')).rows[0].version as number;

  it('creates a rule with the full shape and bumps the version', async () => {
    const before = await storedVersion();
    const body = newRuleBody();
    const response = await t.http().post(RULES).set(auth()).send(body).expect(201);
    expect(response.body).toEqual({
      id: expect.any(String),
      name: body.name,
      order: 10,
      enabled: true,
      match: body.match,
      route: body.route,
      createdAt: expect.stringMatching(/Z$/),
      updatedAt: expect.stringMatching(/Z$/),
      version: before + 1,
    });
    expect(await storedVersion()).toBe(before + 1);
    const { rows } = await t.db.query('SELECT position, match, route FROM routing_rules WHERE id = $1', [response.body.id]);
    expect(rows).toEqual([{ position: 10, match: body.match, route: body.route }]);
  });

  it('stores only the given fields and defaults enabled to true', async () => {
    const rule = await createRule(t, adminToken, { enabled: undefined, match: {}, route: { priority: 2 } });
    expect(rule).toMatchObject({ enabled: true, match: {}, route: { priority: 2 } });
    expect(Object.keys(rule.route)).toEqual(['priority']);
  });

  it('lists rules in evaluation order (order, then oldest first) with the current version', async () => {
    const later = await createRule(t, adminToken, { order: -5 });
    const first = await createRule(t, adminToken, { order: -20 });
    const tie = await createRule(t, adminToken, { order: -5 });
    const { version, items } = await list();
    expect(version).toBe(await storedVersion());
    const ids = items.map((rule) => rule.id);
    expect(ids.indexOf(first.id)).toBeLessThan(ids.indexOf(later.id));
    expect(ids.indexOf(later.id)).toBeLessThan(ids.indexOf(tie.id));
    const orders = items.map((rule) => rule.order);
    expect(orders).toEqual([...orders].sort((a, b) => a - b));
    expect(items.find((rule) => rule.id === first.id)).toEqual({ ...first, version: undefined });
  });

  it('replaces a rule entirely with PUT, bumps the version and moves it in the order', async () => {
    const rule = await createRule(t, adminToken, { order: 500 });
    const replacement = { name: 'replaced', order: -1000, enabled: false, match: { languages: ['fr'] }, route: {} };
    const response = await t.http().put(`${RULES}/${rule.id}`).set(auth()).send(replacement).expect(200);
    expect(response.body).toEqual({
      ...replacement,
      id: rule.id,
      createdAt: rule.createdAt,
      updatedAt: expect.any(String),
      version: rule.version + 1,
    });
    const { version, items } = await list();
    expect(version).toBe(rule.version + 1);
    expect(items[0]).toMatchObject({ id: rule.id, order: -1000, enabled: false, route: {} });
    const fetched = await t.http().get(`${RULES}/${rule.id}`).set(auth()).expect(200);
    expect(fetched.body).toEqual(items[0]);
  });

  it('deletes a rule with 204 and bumps the version', async () => {
    const rule = await createRule(t, adminToken);
    await t.http().delete(`${RULES}/${rule.id}`).set(auth()).expect(204);
    const { version, items } = await list();
    expect(version).toBe(rule.version + 1);
    expect(items.map((item) => item.id)).not.toContain(rule.id);
    await t.http().get(`${RULES}/${rule.id}`).set(auth()).expect(404);
  });

  it('records each change in the audit trail with the version it produced', async () => {
    const rule = await createRule(t, adminToken);
    const replaced = await t.http().put(`${RULES}/${rule.id}`).set(auth()).send(newRuleBody()).expect(200);
    await t.http().delete(`${RULES}/${rule.id}`).set(auth()).expect(204);
    const { rows } = await t.db.query(
      `SELECT payload, actor_id, subject_type FROM events WHERE type = 'routing_rule.changed' AND subject_id = $1 ORDER BY id`,
      [rule.id],
    );
    expect(rows.map((row) => row.payload)).toEqual([
      { action: 'created', ruleId: rule.id, version: rule.version },
      { action: 'replaced', ruleId: rule.id, version: replaced.body.version },
      { action: 'deleted', ruleId: rule.id, version: replaced.body.version + 1 },
    ]);
    expect(rows.every((row) => row.actor_id !== null && row.subject_type === 'routing_rule')).toBe(true);
  });

  it('answers 404 for an unknown id and leaves the version alone', async () => {
    const before = await storedVersion();
    const unknown = randomUUID();
    const put = await t.http().put(`${RULES}/${unknown}`).set(auth()).send(newRuleBody()).expect(404);
    expect(put.body.message).toContain(unknown);
    await t.http().delete(`${RULES}/${unknown}`).set(auth()).expect(404);
    await t.http().get(`${RULES}/${unknown}`).set(auth()).expect(404);
    expect(await storedVersion()).toBe(before);
  });

  it('answers 400 naming the id when it is not a UUID', async () => {
    const response = await t.http().delete(`${RULES}/not-a-uuid`).set(auth()).expect(400);
    expect(response.body.message).toMatch(/^id /);
  });

  it('gives every concurrent change its own version', async () => {
    const before = await storedVersion();
    const responses = await Promise.all(
      Array.from({ length: 8 }, () => t.http().post(RULES).set(auth()).send(newRuleBody())),
    );
    expect(responses.map((response) => response.status)).toEqual(Array(8).fill(201));
    const versions = responses.map((response) => response.body.version as number).sort((a, b) => a - b);
    expect(versions).toEqual(Array.from({ length: 8 }, (_, index) => before + 1 + index));
    expect(await storedVersion()).toBe(before + 8);
    const { rows } = await t.db.query(
      `SELECT (payload->>'version')::int AS version FROM events
        WHERE type = 'routing_rule.changed' AND subject_id = ANY($1::uuid[]) ORDER BY 1`,
      [responses.map((response) => response.body.id)],
    );
    expect(rows.map((row) => row.version)).toEqual(versions);
  });

  describe('access', () => {
    it('requires a token (401)', async () => {
      await t.http().get(RULES).expect(401);
      await t.http().post(RULES).send(newRuleBody()).expect(401);
      await t.http().put(`${RULES}/${randomUUID()}`).send(newRuleBody()).expect(401);
      await t.http().delete(`${RULES}/${randomUUID()}`).expect(401);
    });

    it.each([
      ['incident_manager', { role: 'incident_manager', languages: undefined }],
      ['agent', { role: 'agent' }],
    ])('refuses an %s with 403 on every route', async (_role, account) => {
      const rule = await createRule(t, adminToken);
      const before = await storedVersion();
      const { token } = await createAccount(t, adminToken, account);
      await t.http().get(RULES).set(auth(token)).expect(403);
      await t.http().get(`${RULES}/${rule.id}`).set(auth(token)).expect(403);
      await t.http().post(RULES).set(auth(token)).send(newRuleBody()).expect(403);
      await t.http().put(`${RULES}/${rule.id}`).set(auth(token)).send(newRuleBody()).expect(403);
      await t.http().delete(`${RULES}/${rule.id}`).set(auth(token)).expect(403);
      expect(await storedVersion()).toBe(before);
    });
  });

  it('documents every route in OpenAPI', async () => {
    const response = await t.http().get('/docs-json').expect(200);
    expect(Object.keys(response.body.paths['/api/v1/routing/rules']).sort()).toEqual(['get', 'post']);
    expect(Object.keys(response.body.paths['/api/v1/routing/rules/{id}']).sort()).toEqual(['delete', 'get', 'put']);
  });
});
