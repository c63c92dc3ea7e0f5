import { createAccount } from '../factories/accounts';
import {
  adminTokenOf,
  auth,
  languageAllocator,
  passengerMessage,
  setPresence,
  signedInStaffAgent,
  waitForAssignment,
} from '../factories/routing';
import { createRule } from '../factories/rules';
import { startTestApp, TestApp } from '../support/test-app';

const SIMULATE = '/api/v1/routing/simulate';

/** Row counts of everything routing writes, and the ruleset version: a dry run must change none. */
async function routingFootprint(t: TestApp): Promise<Record<string, number>> {
  const { rows } = await t.db.query<Record<string, number>>(
    `SELECT (SELECT count(*)::int FROM conversations) AS conversations,
            (SELECT count(*)::int FROM messages) AS messages,
            (SELECT count(*)::int FROM routing_decisions) AS decisions,
            (SELECT count(*)::int FROM assignments) AS assignments,
            (SELECT count(*)::int FROM routing_turns) AS turns,
            (SELECT count(*)::int FROM events) AS events,
            (SELECT COALESCE(sum(open_count), 0)::int FROM agents) AS "openCount",
            (SELECT version FROM routing_ruleset) AS version`,
  );
  return rows[0];
}

/** POST /routing/simulate: the decision routing would make now, explained, with nothing written. */
describe('POST /routing/simulate', () => {
  let t: TestApp;
  let admin: string;
  const nextLanguage = languageAllocator();

  beforeAll(async () => {
    t = await startTestApp({ RECONCILE_INTERVAL_MS: '500' });
    admin = await adminTokenOf(t);
  });
  afterAll(() => t?.close());

  it('explains the rule, the requirements, every signed-in agent and the choice, and writes nothing', async () => {
    const language = nextLanguage();
    const rule = await createRule(t, admin, {
      order: 1,
      match: { languages: [language], keywordsAny: ['wheelchair'] },
      route: { requiredSkills: [{ name: 'special-assistance', minLevel: 3 }], minLanguageLevel: 3, priority: 8, strategy: 'least_loaded' },
    });
    const skilled = [{ name: 'special-assistance', level: 5 }];

    // Each of these two holds one conversation in a language of its own first.
    const fullLanguage = nextLanguage();
    const full = await signedInStaffAgent(t, admin, {
      languages: [{ code: language, level: 5 }, { code: fullLanguage, level: 5 }],
      skills: skilled,
      maxConcurrent: 1,
    });
    await waitForAssignment(t, (await passengerMessage(t, { language: fullLanguage })).conversationId, { agentId: full.id });
    const busyLanguage = nextLanguage();
    const busy = await signedInStaffAgent(t, admin, {
      languages: [{ code: language, level: 5 }, { code: busyLanguage, level: 5 }],
      skills: skilled,
      maxConcurrent: 3,
    });
    await waitForAssignment(t, (await passengerMessage(t, { language: busyLanguage })).conversationId, { agentId: busy.id });

    const idle = await signedInStaffAgent(t, admin, {
      languages: [{ code: language, level: 3 }],
      skills: [{ name: 'special-assistance', level: 3 }],
      maxConcurrent: 3,
    });
    const weak = await signedInStaffAgent(t, admin, { languages: [{ code: language, level: 2 }], skills: skilled });
    const unskilled = await signedInStaffAgent(t, admin, {
      languages: [{ code: language, level: 5 }],
      skills: [{ name: 'special-assistance', level: 2 }],
    });
    const away = await signedInStaffAgent(t, admin, { languages: [{ code: language, level: 5 }], skills: skilled });
    await setPresence(t, away.token, 'away');
    const offline = await createAccount(t, admin, { languages: [{ code: language, level: 5 }], skills: skilled });

    const before = await routingFootprint(t);
    const response = await t
      .http()
      .post(SIMULATE)
      .set(auth(admin))
      .send({
        channel: 'twitter',
        externalId: 'simulated-1',
        from: { handle: '@simulated' },
        text: 'I travel with a wheelchair and my flight KL1234 was cancelled',
        language,
        flightNumber: 'KL1234',
      })
      .expect(200);

    expect(response.body.rule).toEqual({ id: rule.id, name: rule.name, version: rule.version });
    expect(response.body.language).toBe(language);
    expect(response.body.requirements).toMatchObject({
      languages: [language],
      minLanguageLevel: 3,
      requiredSkills: [{ name: 'special-assistance', minLevel: 3 }],
      agentKinds: ['staff', 'volunteer'],
      priority: 8,
      strategy: 'least_loaded',
      escalationStep: 0,
    });
    const expected = [
      { agentId: full.id, load: 1, maxConcurrent: 1, eligible: false, reason: 'at capacity (1/1)' },
      { agentId: busy.id, load: 1, maxConcurrent: 3, eligible: true, reason: 'eligible' },
      { agentId: idle.id, load: 0, maxConcurrent: 3, eligible: true, reason: 'eligible' },
      { agentId: weak.id, load: 0, maxConcurrent: 3, eligible: false, reason: `does not speak ${language} at level 3` },
      { agentId: unskilled.id, load: 0, maxConcurrent: 3, eligible: false, reason: 'lacks skill special-assistance at level 3' },
      { agentId: away.id, load: 0, maxConcurrent: 3, eligible: false, reason: 'presence away' },
    ];
    const byAgent = (a: { agentId: string }, b: { agentId: string }) => (a.agentId < b.agentId ? -1 : 1);
    expect([...response.body.candidates].sort(byAgent)).toEqual(expected.sort(byAgent));
    expect(response.body.candidates.map((c: { agentId: string }) => c.agentId)).not.toContain(offline.id);
    expect(response.body.chosen).toEqual({ agentId: idle.id, reason: expect.stringContaining('least loaded') });

    expect(await routingFootprint(t)).toEqual(before);
  });

  it('answers chosen null when nobody is eligible, and leaves round-robin turns alone', async () => {
    const language = nextLanguage();
    const rule = await createRule(t, admin, { match: { languages: [language] }, route: { strategy: 'round_robin' } });
    const before = await routingFootprint(t);

    const response = await t
      .http()
      .post(SIMULATE)
      .set(auth(admin))
      .send({ channel: 'sms', externalId: 'simulated-2', from: { handle: '+31600000000' }, text: 'Flight cancelled, please help', language })
      .expect(200);
    expect(response.body.rule).toEqual({ id: rule.id, name: rule.name, version: rule.version });
    expect(response.body.requirements).toMatchObject({ languages: [language], strategy: 'round_robin' });
    expect(response.body.candidates.every((c: { eligible: boolean }) => !c.eligible)).toBe(true);
    expect(response.body.candidates.length).toBeGreaterThan(0);
    expect(response.body.chosen).toBeNull();
    expect(await routingFootprint(t)).toEqual(before);
  });

  it('refuses a body that is not a valid message with 400 naming the field', async () => {
    const response = await t
      .http()
      .post(SIMULATE)
      .set(auth(admin))
      .send({ channel: 'pigeon', externalId: 'x', from: { handle: '@x' }, text: 'hello' })
      .expect(400);
    expect(JSON.stringify(response.body.message)).toContain('channel');
  });

  it('is for admins only: 401 without a token, 403 for an incident manager and an agent', async () => {
    const body = { channel: 'web', externalId: 'x', from: { handle: '@x' }, text: 'hello there' };
    await t.http().post(SIMULATE).send(body).expect(401);
    const manager = await createAccount(t, admin, { role: 'incident_manager', languages: undefined, skills: undefined });
    await t.http().post(SIMULATE).set(auth(manager.token)).send(body).expect(403);
    const agent = await createAccount(t, admin);
    await t.http().post(SIMULATE).set(auth(agent.token)).send(body).expect(403);
  });
});
