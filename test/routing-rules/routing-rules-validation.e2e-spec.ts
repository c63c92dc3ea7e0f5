import { loginAdmin } from '../factories/accounts';
import { createRule, newRuleBody } from '../factories/rules';
import { startTestApp, TestApp } from '../support/test-app';

const RULES = '/api/v1/routing/rules';

const base = newRuleBody();
const match = (fields: Record<string, unknown>) => ({ match: { ...(base.match as object), ...fields } });
const route = (fields: Record<string, unknown>) => ({ route: { ...(base.route as object), ...fields } });
const step = (fields: Record<string, unknown>) => route({ escalation: [{ afterSeconds: 60, ...fields }] });
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** [the field path the 400 message must name, the body override that breaks it] */
const INVALID: [string, Record<string, unknown>][] = [
  ['name', { name: undefined }],
  ['name', { name: '' }],
  ['name', { name: '   ' }],
  ['name', { name: 'x'.repeat(201) }],
  ['order', { order: undefined }],
  ['order', { order: 1.5 }],
  ['order', { order: '10' }],
  ['order', { order: 2 ** 31 }],
  ['enabled', { enabled: 'yes' }],
  ['enabled', { enabled: null }],
  ['priority', { priority: 5 }],
  ['match', { match: undefined }],
  ['match', { match: [] }],
  ['match', { match: 'all' }],
  ['match.channels', match({ channels: ['fax'] })],
  ['match.channels', match({ channels: 'twitter' })],
  ['match.channels', match({ channels: ['sms', 'sms'] })],
  ['match.channels', match({ channels: null })],
  ['match.languages', match({ languages: ['xx'] })],
  ['match.languages', match({ languages: ['EN'] })],
  ['match.languages', match({ languages: ['deu'] })],
  ['match.keywordsAny', match({ keywordsAny: [''] })],
  ['match.keywordsAny', match({ keywordsAny: ['   '] })],
  ['match.keywordsAny', match({ keywordsAny: ['x'.repeat(101)] })],
  ['match.keywordsAny', match({ keywordsAny: Array.from({ length: 51 }, (_, i) => `word${i}`) })],
  ['match.keywordsAny', match({ keywordsAny: [42] })],
  ['match.hasFlightNumber', match({ hasFlightNumber: 'yes' })],
  ['match.surgeOnly', match({ surgeOnly: 1 })],
  ['match.flightNumber', match({ flightNumber: 'KL1234' })],
  ['route', { route: undefined }],
  ['route', { route: [] }],
  ['route.requiredSkills', route({ requiredSkills: { name: 'refunds', minLevel: 2 } })],
  ['route.requiredSkills.0.name', route({ requiredSkills: [{ name: 'Special Assistance', minLevel: 3 }] })],
  ['route.requiredSkills.0.name', route({ requiredSkills: [{ name: 'x'.repeat(41), minLevel: 3 }] })],
  ['route.requiredSkills.0.minLevel', route({ requiredSkills: [{ name: 'refunds', minLevel: 6 }] })],
  ['route.requiredSkills.0.minLevel', route({ requiredSkills: [{ name: 'refunds', minLevel: 0 }] })],
  ['route.requiredSkills.0.minLevel', route({ requiredSkills: [{ name: 'refunds' }] })],
  ['route.requiredSkills.0.level', route({ requiredSkills: [{ name: 'refunds', minLevel: 2, level: 2 }] })],
  ['route.requiredSkills', route({ requiredSkills: [{ name: 'refunds', minLevel: 2 }, { name: 'refunds', minLevel: 4 }] })],
  ['route.agentKinds', route({ agentKinds: [] })],
  ['route.agentKinds', route({ agentKinds: ['robot'] })],
  ['route.agentKinds', route({ agentKinds: ['staff', 'staff'] })],
  ['route.minLanguageLevel', route({ minLanguageLevel: 0 })],
  ['route.minLanguageLevel', route({ minLanguageLevel: 6 })],
  ['route.priority', route({ priority: -1 })],
  ['route.priority', route({ priority: 11 })],
  ['route.priority', route({ priority: 5.5 })],
  ['route.strategy', route({ strategy: 'random' })],
  ['route.reassignAfterSeconds', route({ reassignAfterSeconds: 0 })],
  ['route.reassignAfterSeconds', route({ reassignAfterSeconds: 1.5 })],
  ['route.reassignAfterSeconds', route({ reassignAfterSeconds: 8 * 24 * 3600 })],
  ['route.fallbackLanguages', route({ fallbackLanguages: ['en'] })],
  ['route.escalation', route({ escalation: { afterSeconds: 60 } })],
  ['route.escalation', route({ escalation: Array.from({ length: 11 }, (_, i) => ({ afterSeconds: (i + 1) * 60 })) })],
  ['route.escalation.0.afterSeconds', step({ afterSeconds: 0 })],
  ['route.escalation.0.afterSeconds', step({ afterSeconds: 90.5 })],
  ['route.escalation.0.afterSeconds', route({ escalation: [{ priority: 9 }] })],
  ['route.escalation.1.afterSeconds', route({ escalation: [{ afterSeconds: 600 }, { afterSeconds: -1 }] })],
  ['route.escalation.0.priority', step({ priority: 11 })],
  ['route.escalation.0.dropSkills', step({ dropSkills: 'yes' })],
  ['route.escalation.0.fallbackLanguages', step({ fallbackLanguages: ['xx'] })],
  ['route.escalation.0.fallbackLanguages', step({ fallbackLanguages: 'en' })],
  ['route.escalation.0.requiredSkills', step({ requiredSkills: [] })],
];

describe('routing rule validation', () => {
  let t: TestApp;
  let adminToken: string;

  beforeAll(async () => {
    t = await startTestApp();
    adminToken = await loginAdmin(t);
  });
  afterAll(() => t.close());

  const post = (body: Record<string, unknown>) =>
    t.http().post(RULES).set('Authorization', `Bearer ${adminToken}`).send(body);
  const storedState = async () =>
    (await t.db.query('SELECT version, (SELECT count(*)::int FROM routing_rules) AS rules FROM routing_ruleset')).rows[0];

  it('accepts the full shape of routing.md', async () => {
    await post(newRuleBody()).expect(201);
  });

  it.each(INVALID)('answers 400 naming %s (%j)', async (path, override) => {
    const before = await storedState();
    const response = await post(newRuleBody(override)).expect(400);
    // The path must be named as such, not merely as a prefix of a longer path.
    expect(response.body.message).toMatch(new RegExp(`(^|; )${escapeRegExp(path)}[ :]`));
    expect(await storedState()).toEqual(before);
  });

  it.each([
    ['equal', [{ afterSeconds: 600 }, { afterSeconds: 600 }]],
    ['decreasing', [{ afterSeconds: 1200 }, { afterSeconds: 600 }]],
    ['out of order later on', [{ afterSeconds: 60 }, { afterSeconds: 120 }, { afterSeconds: 90 }]],
  ])('rejects escalation steps whose afterSeconds are %s, naming route.escalation', async (_case, escalation) => {
    const response = await post(newRuleBody(route({ escalation }))).expect(400);
    expect(response.body.message).toBe('route.escalation afterSeconds must strictly increase from one step to the next');
  });

  it('accepts ten strictly increasing escalation steps', async () => {
    const escalation = Array.from({ length: 10 }, (_, i) => ({ afterSeconds: (i + 1) * 60 }));
    await post(newRuleBody(route({ escalation }))).expect(201);
  });

  it('validates the body of PUT the same way', async () => {
    const rule = await createRule(t, adminToken);
    const response = await t
      .http()
      .put(`${RULES}/${rule.id}`)
      .set('Authorization', `Bearer ${adminToken}`)
      .send(newRuleBody(route({ escalation: [{ afterSeconds: 60, fallbackLanguages: ['zz'] }] })))
      .expect(400);
    expect(response.body.message).toContain('route.escalation.0.fallbackLanguages');
    const { rows } = await t.db.query('SELECT version FROM routing_ruleset');
    expect(rows[0].version).toBe(rule.version);
  });
});
