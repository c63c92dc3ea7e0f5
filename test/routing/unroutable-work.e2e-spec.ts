import { createAccount } from '../factories/accounts';
import {
  auth,
  conversationDetail,
  holdsUntil,
  languageAllocator,
  passengerMessage,
  reply,
  signIn,
  signOut,
  useRoutingScenario,
  waitFor,
  waitForAssignment,
} from '../factories/routing';
import { createRule } from '../factories/rules';
import { minutesFromNow } from '../factories/shifts';
import { sample, scrape } from '../metrics/metrics-scrape';

interface Unroutable {
  since: string;
  reason: string;
}

/** Work nobody on the roster can take (surge-desk.md), and exclusions of unresponsive agents that expire. */
describe('work nobody can take', () => {
  // Flagging every 500 ms here; the 10 s bound is what the default 5 s interval keeps.
  const scenario = useRoutingScenario({ UNROUTABLE_CHECK_INTERVAL_MS: '500', UNRESPONSIVE_EXCLUSION_MINUTES: '30' });
  const nextLanguage = languageAllocator();
  const speaking = (code: string, level = 5) => [{ code, level }];

  const unroutableOf = async (conversationId: string): Promise<Unroutable | null> =>
    ((await conversationDetail(scenario.t, conversationId)) as unknown as { unroutable: Unroutable | null }).unroutable;
  const waitUntilFlagged = (conversationId: string) =>
    waitFor(async () => {
      const flag = await unroutableOf(conversationId);
      expect(flag).not.toBeNull();
      return flag!;
    });
  const unroutableEvents = async (conversationId: string) =>
    (await scenario.t.db.query(`SELECT actor_id, payload FROM events WHERE type = 'conversation.unroutable' AND subject_id = $1`, [conversationId])).rows;
  const listUnroutable = async (query = 'unroutable=true') => {
    const response = await scenario.t.http().get(`/api/v1/conversations?${query}&limit=500`).set(auth(scenario.admin)).expect(200);
    return (response.body.items as { id: string; unroutable: Unroutable | null }[]);
  };

  it('flags a conversation nobody speaks within 10 s, counts it everywhere, and clears it when a speaker signs in', async () => {
    const language = nextLanguage();
    await scenario.staff({ languages: speaking('en') });
    const message = await passengerMessage(scenario.t, { language });
    const waitingSince = Date.now();

    const flag = await waitUntilFlagged(message.conversationId);
    expect(Date.now() - waitingSince).toBeLessThan(10_000);
    expect(flag).toEqual({ since: expect.any(String), reason: `no agent speaks ${language} at level 1` });

    const listed = await listUnroutable();
    expect(listed.find((item) => item.id === message.conversationId)).toMatchObject({ unroutable: flag });
    expect((await listUnroutable('unroutable=false')).map((item) => item.id)).not.toContain(message.conversationId);
    await waitFor(async () => {
      const live = (await scenario.t.http().get('/api/v1/stats/live').expect(200)).body;
      expect(live.unroutable).toBeGreaterThanOrEqual(1);
      expect(live.byLanguage.find((row: { language: string }) => row.language === language)).toMatchObject({ queued: 1, unroutable: 1 });
    });
    expect(sample(await scrape(scenario.t), 'surgeline_conversations_unroutable')).toBeGreaterThanOrEqual(1);
    expect(await unroutableEvents(message.conversationId)).toEqual([
      { actor_id: null, payload: { language, reason: `no agent speaks ${language} at level 1` } },
    ]);

    // A speaker who is not signed in and has no shift coming is not on the roster.
    const speaker = await createAccount(scenario.t, scenario.admin, { languages: speaking(language), maxConcurrent: 3 });
    await holdsUntil(async () => expect(await unroutableOf(message.conversationId)).toEqual(flag), Date.now() + 1500);

    await signIn(scenario.t, speaker.token);
    scenario.track(speaker);
    const assigned = await waitForAssignment(scenario.t, message.conversationId, { agentId: speaker.id });
    expect((assigned as unknown as { unroutable: Unroutable | null }).unroutable).toBeNull();
    await holdsUntil(async () => expect(await unroutableEvents(message.conversationId)).toHaveLength(1), Date.now() + 1500);
    expect((await listUnroutable()).map((item) => item.id)).not.toContain(message.conversationId);
  });

  it('puts an agent with a claimed shift starting within 2 hours on the roster, though not signed in', async () => {
    const language = nextLanguage();
    const message = await passengerMessage(scenario.t, { language });
    await waitUntilFlagged(message.conversationId);

    const later = await createAccount(scenario.t, scenario.admin, { languages: speaking(language) });
    const shift = await scenario.t
      .http()
      .post('/api/v1/shifts')
      .set(auth(scenario.admin))
      .send({ startsAt: minutesFromNow(90), endsAt: minutesFromNow(300), slots: 1 })
      .expect(201);
    await scenario.t.http().post(`/api/v1/shifts/${shift.body.id}/claim`).set(auth(later.token)).expect(200);

    await waitFor(async () => expect(await unroutableOf(message.conversationId)).toBeNull());
    expect((await conversationDetail(scenario.t, message.conversationId)).status).toBe('queued');
  });

  it('names a missing skill', async () => {
    const language = nextLanguage();
    await createRule(scenario.t, scenario.admin, {
      match: { languages: [language] },
      route: { requiredSkills: [{ name: 'special-assistance', minLevel: 4 }] },
    });
    await scenario.staff({ languages: speaking(language), skills: [{ name: 'special-assistance', level: 2 }] });
    const message = await passengerMessage(scenario.t, { language });
    expect(await waitUntilFlagged(message.conversationId)).toMatchObject({ reason: 'no agent has skill special-assistance at level 4' });
  });

  describe('exclusions of an agent who did not answer in time', () => {
    const reclaimRule = (language: string) =>
      createRule(scenario.t, scenario.admin, { match: { languages: [language] }, route: { reassignAfterSeconds: 1 } });

    async function reclaimedFrom(language: string) {
      await reclaimRule(language);
      const agent = await scenario.staff({ languages: speaking(language) });
      const message = await passengerMessage(scenario.t, { language });
      await waitForAssignment(scenario.t, message.conversationId, { agentId: agent.id });
      await waitFor(async () => expect((await conversationDetail(scenario.t, message.conversationId)).status).toBe('queued'));
      return { agent, conversationId: message.conversationId };
    }

    it('last UNRESPONSIVE_EXCLUSION_MINUTES: the only speaker excluded makes the work unroutable, and an expired exclusion is ignored', async () => {
      const language = nextLanguage();
      const { agent, conversationId } = await reclaimedFrom(language);
      const { rows } = await scenario.t.db.query(
        `SELECT reason, extract(epoch FROM expires_at - now()) / 60 AS minutes FROM conversation_exclusions WHERE conversation_id = $1`,
        [conversationId],
      );
      expect(rows).toHaveLength(1);
      expect(rows[0].reason).toBe('unresponsive');
      expect(Number(rows[0].minutes)).toBeGreaterThan(29);
      expect(Number(rows[0].minutes)).toBeLessThanOrEqual(30);
      expect(await waitUntilFlagged(conversationId)).toMatchObject({
        reason: 'every agent who could take it was transferred away from it or did not answer in time',
      });

      // Time travel: the exclusion runs out; the reconciler serves the agent, who has room.
      await scenario.t.db.query(`UPDATE conversation_exclusions SET expires_at = now() - interval '1 second' WHERE conversation_id = $1`, [conversationId]);
      await waitForAssignment(scenario.t, conversationId, { agentId: agent.id });
    });

    it('end when the agent signs in again; a transfer exclusion stays', async () => {
      const language = nextLanguage();
      const { agent, conversationId } = await reclaimedFrom(language);
      await holdsUntil(async () => expect((await conversationDetail(scenario.t, conversationId)).status).toBe('queued'), Date.now() + 1000);

      await signOut(scenario.t, agent.token);
      await signIn(scenario.t, agent.token);
      const back = await waitForAssignment(scenario.t, conversationId, { agentId: agent.id });
      expect((back as unknown as { unroutable: Unroutable | null }).unroutable).toBeNull();
      await reply(scenario.t, agent.token, conversationId);

      await scenario.t.http().post(`/api/v1/conversations/${conversationId}/transfer`).set(auth(scenario.admin)).send({}).expect(200);
      await signOut(scenario.t, agent.token);
      await signIn(scenario.t, agent.token);
      const { rows } = await scenario.t.db.query(`SELECT reason, expires_at FROM conversation_exclusions WHERE conversation_id = $1`, [conversationId]);
      expect(rows).toEqual([{ reason: 'transferred', expires_at: null }]);
      await holdsUntil(async () => expect((await conversationDetail(scenario.t, conversationId)).status).toBe('queued'), Date.now() + 1500);
    });
  });

  describe('GET /conversations?unroutable=', () => {
    it('names the parameter when it is not true or false (400), needs a token (401) and a manager (403)', async () => {
      const response = await scenario.t.http().get('/api/v1/conversations?unroutable=maybe').set(auth(scenario.admin)).expect(400);
      expect(JSON.stringify(response.body.message)).toContain('unroutable');
      await scenario.t.http().get('/api/v1/conversations?unroutable=true').expect(401);
      const agent = await createAccount(scenario.t, scenario.admin);
      await scenario.t.http().get('/api/v1/conversations?unroutable=true').set(auth(agent.token)).expect(403);
    });
  });
});
