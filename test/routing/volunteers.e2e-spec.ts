import { deactivateSurge } from '../factories/incidents';
import {
  auth,
  invariantViolations,
  languageAllocator,
  myConversations,
  onDutyVolunteer,
  passengerMessage,
  secondsAgo,
  startSurge,
  storedReceivedAt,
  Surge,
  useRoutingScenario,
  waitFor,
  waitForAssignment,
} from '../factories/routing';
import { createRule } from '../factories/rules';

/**
 * Agent kinds, and volunteers working only inside a claimed shift while their surge is active. One
 * surge per app, so the scenario ending it runs last. Rules here set priority 6: a conversation
 * showing priority 6 while queued has been decided and found no eligible agent.
 */
describe('routing to volunteers and staff', () => {
  const scenario = useRoutingScenario();
  const { waitUntilDecidedAndWaiting } = scenario;
  let surge: Surge;
  const nextLanguage = languageAllocator();

  const speaking = (language: string) => ({ languages: [{ code: language, level: 5 }] });
  const staff = (language: string) => scenario.staff(speaking(language));
  const volunteer = async (language: string, window?: Parameters<typeof onDutyVolunteer>[4]) =>
    scenario.track(await onDutyVolunteer(scenario.t, scenario.admin, surge, speaking(language), window));
  const ruleFor = (language: string, route: Record<string, unknown> = {}) =>
    createRule(scenario.t, scenario.admin, { match: { languages: [language] }, route: { priority: 6, ...route } });

  beforeAll(async () => {
    surge = await startSurge(scenario.t, scenario.admin);
  });

  it('agentKinds staff: an on-duty volunteer is passed over, a staff agent takes it', async () => {
    const language = nextLanguage();
    await ruleFor(language, { agentKinds: ['staff'] });
    const onDuty = await volunteer(language);
    const message = await passengerMessage(scenario.t, { language });
    await waitUntilDecidedAndWaiting(message.conversationId);

    const member = await staff(language);
    const detail = await waitForAssignment(scenario.t, message.conversationId, { agentId: member.id });
    expect(detail.decisions[0].requirements.agentKinds).toEqual(['staff']);
    expect(detail.decisions[0].candidates.map((c) => c.agentId)).toEqual([member.id]);
    expect(detail.decisions[0].candidates.map((c) => c.agentId)).not.toContain(onDuty.id);
  });

  it('agentKinds volunteer: a staff agent is passed over, an on-duty volunteer takes it', async () => {
    const language = nextLanguage();
    await ruleFor(language, { agentKinds: ['volunteer'] });
    const member = await staff(language);
    const message = await passengerMessage(scenario.t, { language });
    await waitUntilDecidedAndWaiting(message.conversationId);

    const onDuty = await volunteer(language);
    const detail = await waitForAssignment(scenario.t, message.conversationId, { agentId: onDuty.id });
    expect(detail.decisions[0].requirements.agentKinds).toEqual(['volunteer']);
    expect(detail.decisions[0].candidates.map((c) => c.agentId)).toEqual([onDuty.id]);
    expect(detail.decisions[0].candidates.map((c) => c.agentId)).not.toContain(member.id);
  });

  it('routes to a volunteer inside its claimed shift and no longer once the shift has ended', async () => {
    const language = nextLanguage();
    await ruleFor(language);
    const shiftEndsInSeconds = 8;
    const onDuty = await volunteer(language, { startsInSeconds: -60, endsInSeconds: shiftEndsInSeconds });
    const shiftEndsAt = Date.parse(onDuty.shift.endsAt);

    const during = await passengerMessage(scenario.t, { language });
    await waitForAssignment(scenario.t, during.conversationId, { agentId: onDuty.id });

    // Still signed in (the automatic sign-out waits 15 minutes), but outside any claimed shift.
    await waitFor(() => expect(Date.now()).toBeGreaterThan(shiftEndsAt + 500), { timeoutMs: 10_000 });
    const simulated = await scenario.t
      .http()
      .post('/api/v1/routing/simulate')
      .set(auth(scenario.admin))
      .send({ channel: 'twitter', externalId: 'dry-run', from: { handle: '@dry' }, text: 'My flight was cancelled', language })
      .expect(200);
    expect(simulated.body.candidates).toContainEqual(
      expect.objectContaining({ agentId: onDuty.id, eligible: false, reason: 'outside claimed shift' }),
    );

    const after = await passengerMessage(scenario.t, { language });
    await waitUntilDecidedAndWaiting(after.conversationId);
    const member = await staff(language);
    const detail = await waitForAssignment(scenario.t, after.conversationId, { agentId: member.id });
    expect(detail.decisions[0].candidates.map((c) => c.agentId)).toEqual([member.id]);
  });

  it('a volunteer signed in before its shift takes work only once the shift has started', async () => {
    const language = nextLanguage();
    await ruleFor(language);
    const startsInSeconds = 12;
    const early = await volunteer(language, { startsInSeconds, endsInSeconds: 3600 });
    const shiftStartsAt = Date.parse(early.shift.startsAt);

    const message = await passengerMessage(scenario.t, { language });
    await waitUntilDecidedAndWaiting(message.conversationId);
    expect(Date.now()).toBeLessThan(shiftStartsAt);

    const detail = await waitForAssignment(scenario.t, message.conversationId, { agentId: early.id, timeoutMs: 20_000 });
    expect(Date.parse(detail.assignments[0].assignedAt)).toBeGreaterThanOrEqual(shiftStartsAt);
  });

  it('surge end puts volunteers’ conversations back in the queue with their age and re-routes them to staff', async () => {
    const language = nextLanguage();
    const onDuty = await volunteer(language);
    const older = await passengerMessage(scenario.t, { language, receivedAt: secondsAgo(600) });
    const newer = await passengerMessage(scenario.t, { language, receivedAt: secondsAgo(300) });
    await waitForAssignment(scenario.t, older.conversationId, { agentId: onDuty.id });
    await waitForAssignment(scenario.t, newer.conversationId, { agentId: onDuty.id });
    const storedAges = [await storedReceivedAt(scenario.t, older.conversationId), await storedReceivedAt(scenario.t, newer.conversationId)];
    const member = await staff(language);

    await deactivateSurge(scenario.t, scenario.admin, surge.incidentId);
    // Signed out by the surge's end; its account has expired.
    scenario.untrack(onDuty);

    for (const message of [older, newer]) {
      const detail = await waitForAssignment(scenario.t, message.conversationId, { agentId: member.id });
      expect(detail.receivedAt).toBe(message.body.receivedAt);
      expect(detail.assignments.map((a) => [a.agentId, a.endReason])).toEqual([
        [onDuty.id, 'surge_ended'],
        [member.id, null],
      ]);
    }
    expect([await storedReceivedAt(scenario.t, older.conversationId), await storedReceivedAt(scenario.t, newer.conversationId)]).toEqual(
      storedAges,
    );
    // The volunteer's account has expired with the surge and takes no more work.
    await scenario.t.http().post('/api/v1/auth/login').send({ email: onDuty.email, password: onDuty.password }).expect(403);
    const later = await passengerMessage(scenario.t, { language });
    await waitForAssignment(scenario.t, later.conversationId, { agentId: member.id });
    expect(await myConversations(scenario.t, member.token)).toHaveLength(3);
  });

  it('keeps every routing invariant', async () => {
    expect(await invariantViolations(scenario.t)).toEqual({});
  });
});
