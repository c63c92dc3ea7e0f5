import { loginAdmin } from '../factories/accounts';
import { createRule, newRuleBody } from '../factories/rules';
import { startTestApp, TestApp } from '../support/test-app';
import { RoutingRulesService } from '../../src/routing/rules/routing-rules.service';

const RULES = '/api/v1/routing/rules';

describe('RoutingRulesService.loadRuleset (version-keyed cache)', () => {
  let t: TestApp;
  let adminToken: string;
  let service: RoutingRulesService;

  beforeAll(async () => {
    t = await startTestApp();
    adminToken = await loginAdmin(t);
    service = t.app.get(RoutingRulesService);
  });
  afterAll(() => t.close());

  const auth = () => ({ Authorization: `Bearer ${adminToken}` });

  it('returns the cached ruleset while the version is unchanged', async () => {
    const first = await service.loadRuleset();
    const second = await service.loadRuleset();
    expect(second).toBe(first);
  });

  it('sees a change made through the API at once, enabled and disabled rules in evaluation order', async () => {
    const before = await service.loadRuleset();
    const late = await createRule(t, adminToken, { order: 50, enabled: false });
    const early = await createRule(t, adminToken, { order: 5, match: {}, route: { priority: 9 } });

    const ruleset = await service.loadRuleset();
    expect(ruleset.version).toBe(early.version);
    expect(ruleset.version).toBe(before.version + 2);
    expect(ruleset.rules.map((rule) => rule.id).slice(-2)).toEqual([early.id, late.id]);
    expect(ruleset.rules.find((rule) => rule.id === early.id)).toEqual({
      id: early.id,
      name: early.name,
      order: 5,
      enabled: true,
      match: {},
      route: { priority: 9 },
    });
    expect(ruleset.rules.find((rule) => rule.id === late.id)).toMatchObject({ enabled: false, order: 50 });
  });

  it('sees a replacement and a deletion at once; findRule follows', async () => {
    const rule = await createRule(t, adminToken);
    expect(await service.findRule(rule.id)).toMatchObject({ id: rule.id, route: { priority: 8 } });

    await t.http().put(`${RULES}/${rule.id}`).set(auth()).send(newRuleBody({ route: { priority: 1 } })).expect(200);
    expect(await service.findRule(rule.id)).toMatchObject({ id: rule.id, route: { priority: 1 } });

    await t.http().delete(`${RULES}/${rule.id}`).set(auth()).expect(204);
    expect(await service.findRule(rule.id)).toBeNull();
    expect((await service.loadRuleset()).version).toBe(rule.version + 2);
  });

  it('sees a change committed by another process (straight in Postgres) without a restart', async () => {
    const before = await service.loadRuleset();
    // Another application process changes the rules the way the API does: rule and version in one transaction.
    const client = await t.db.connect();
    let insertedId: string;
    try {
      await client.query('BEGIN');
      await client.query('UPDATE routing_ruleset SET version = version + 1');
      const inserted = await client.query(
        `INSERT INTO routing_rules (name, position, match, route) VALUES ('from elsewhere', -1, '{}', '{}') RETURNING id`,
      );
      insertedId = inserted.rows[0].id;
      await client.query('COMMIT');
    } finally {
      client.release();
    }
    const after = await service.loadRuleset();
    expect(after.version).toBe(before.version + 1);
    expect(after.rules[0]).toMatchObject({ id: insertedId, name: 'from elsewhere', order: -1 });
  });

  it('hands out rules nobody can change behind the cache', async () => {
    await createRule(t, adminToken);
    const ruleset = await service.loadRuleset();
    expect(Object.isFrozen(ruleset.rules)).toBe(true);
    expect(Object.isFrozen(ruleset.rules[0].route)).toBe(true);
  });
});
