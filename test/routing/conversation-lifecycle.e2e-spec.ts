import { signedIntake } from '../factories/intake';
import {
  auth,
  conversationDetail,
  invariantViolations,
  languageAllocator,
  myConversations,
  passengerMessage,
  routingCounts,
  secondsAgo,
  signOut,
  storedReceivedAt,
  useRoutingScenario,
  waitFor,
  waitForAssignment,
} from '../factories/routing';
import { createRule } from '../factories/rules';

/** Follow-ups, duplicates, transfers and sign-outs: what happens to a conversation after its first decision. */
describe('routing across a conversation’s life', () => {
  const scenario = useRoutingScenario();
  const { staff } = scenario;
  const nextLanguage = languageAllocator();

  const speaking = (...codes: string[]) => codes.map((code) => ({ code, level: 5 }));

  it('joins a follow-up from the same sender to the open conversation: its agent sees it, no new decision', async () => {
    const language = nextLanguage();
    const agent = await staff({ languages: speaking(language) });
    const first = await passengerMessage(scenario.t, { language });
    await waitForAssignment(scenario.t, first.conversationId, { agentId: agent.id });
    // A second agent with more room is there: a new decision would pick it.
    await staff({ languages: speaking(language), maxConcurrent: 10 });
    const before = await routingCounts(scenario.t);

    const followUp = await passengerMessage(scenario.t, { language, from: first.body.from, text: 'Any news about my rebooking?' });
    expect(followUp).toMatchObject({ conversationId: first.conversationId, status: 'assigned', duplicate: false });
    expect(followUp.messageId).not.toBe(first.messageId);

    const mine = await myConversations(scenario.t, agent.token);
    const conversation = mine.find((c) => c.id === first.conversationId)!;
    expect(conversation.messages.map((m) => m.id)).toEqual([first.messageId, followUp.messageId]);
    const detail = await conversationDetail(scenario.t, first.conversationId);
    expect(detail.decisions).toHaveLength(1);
    expect(detail.assignments).toHaveLength(1);
    expect(await routingCounts(scenario.t)).toEqual({ ...before, messages: before.messages + 1 });
  });

  it('changes nothing on a duplicate intake, queued or assigned', async () => {
    const language = nextLanguage();
    await createRule(scenario.t, scenario.admin, { match: { languages: [language] }, route: { priority: 6 } });
    const message = await passengerMessage(scenario.t, { language });
    // The conversation has been decided under its rule and waits for an agent; so has every other
    // one still queued since the new rule, or its new decision would fall into the counts below.
    await scenario.waitUntilDecidedAndWaiting(message.conversationId);
    await waitFor(async () => {
      const { rows } = await scenario.t.db.query<{ stale: number }>(
        `SELECT count(*)::int AS stale FROM conversations c, routing_ruleset s WHERE c.status = 'queued' AND c.rule_version < s.version`,
      );
      expect(rows[0].stale).toBe(0);
    });
    const queuedCounts = await routingCounts(scenario.t);

    const again = await signedIntake(scenario.t, message.body).expect(200);
    expect(again.body).toMatchObject({ conversationId: message.conversationId, messageId: message.messageId, status: 'queued', duplicate: true });
    expect(await routingCounts(scenario.t)).toEqual(queuedCounts);

    const agent = await staff({ languages: speaking(language) });
    const assigned = await waitForAssignment(scenario.t, message.conversationId, { agentId: agent.id });
    const assignedCounts = await routingCounts(scenario.t);
    expect(assignedCounts).toEqual({
      ...queuedCounts,
      decisions: queuedCounts.decisions + 1,
      assignments: queuedCounts.assignments + 1,
      openAssignments: queuedCounts.openAssignments + 1,
    });

    const third = await signedIntake(scenario.t, message.body).expect(200);
    expect(third.body).toEqual({
      conversationId: message.conversationId,
      messageId: message.messageId,
      status: 'assigned',
      duplicate: true,
      queuePosition: null,
      estimatedWaitSeconds: 0,
    });
    expect(await routingCounts(scenario.t)).toEqual(assignedCounts);
    const after = await conversationDetail(scenario.t, message.conversationId);
    expect(after.messages).toHaveLength(1);
    expect({ decisions: after.decisions, assignments: after.assignments }).toEqual({
      decisions: assigned.decisions,
      assignments: assigned.assignments,
    });
  });

  it('routes a transfer with its new language and skills, never back to the agent who transferred', async () => {
    const language = nextLanguage();
    const target = nextLanguage();
    const rule = await createRule(scenario.t, scenario.admin, { match: { languages: [language] }, route: { priority: 6 } });
    // The transferring agent also fits the new requirements, and has the most room.
    const from = await staff({
      languages: speaking(language, target),
      skills: [{ name: 'refunds', level: 5 }],
      maxConcurrent: 10,
    });
    const message = await passengerMessage(scenario.t, { language });
    await waitForAssignment(scenario.t, message.conversationId, { agentId: from.id });
    const noSkill = await staff({ languages: speaking(target), maxConcurrent: 10 });
    const oldLanguageOnly = await staff({ languages: speaking(language), skills: [{ name: 'refunds', level: 5 }], maxConcurrent: 10 });
    const fits = await staff({ languages: speaking(target), skills: [{ name: 'refunds', level: 3 }], maxConcurrent: 2 });

    await scenario.t
      .http()
      .post(`/api/v1/conversations/${message.conversationId}/transfer`)
      .set(auth(from.token))
      .send({ language: target, requiredSkills: [{ name: 'refunds', minLevel: 3 }], note: 'needs a refund' })
      .expect(200);

    const moved = await waitForAssignment(scenario.t, message.conversationId, { agentId: fits.id });
    expect(moved.assignments.map((a) => [a.agentId, a.endReason])).toEqual([
      [from.id, 'transferred'],
      [fits.id, null],
    ]);
    const decision = moved.decisions[1];
    // The conversation keeps its rule; only the requirements come from the transfer.
    expect(decision).toMatchObject({ ruleId: rule.id, chosenAgentId: fits.id });
    expect(decision.requirements).toMatchObject({
      languages: [target],
      requiredSkills: [{ name: 'refunds', minLevel: 3 }],
      priority: 6,
    });
    const considered = decision.candidates.map((c) => c.agentId);
    expect(considered).toEqual([fits.id]);
    expect([from.id, noSkill.id, oldLanguageOnly.id].filter((id) => considered.includes(id))).toEqual([]);
  });

  it('keeps a transferred conversation waiting rather than give it back to the agent who transferred it', async () => {
    const language = nextLanguage();
    const from = await staff({ languages: speaking(language) });
    const message = await passengerMessage(scenario.t, { language });
    await waitForAssignment(scenario.t, message.conversationId, { agentId: from.id });

    await scenario.t.http().post(`/api/v1/conversations/${message.conversationId}/transfer`).set(auth(from.token)).send({}).expect(200);
    await waitFor(async () => {
      const detail = await conversationDetail(scenario.t, message.conversationId);
      expect(detail.status).toBe('queued');
      expect(detail.assignments.map((a) => a.endReason)).toEqual(['transferred']);
    });
    const next = await staff({ languages: speaking(language) });
    const moved = await waitForAssignment(scenario.t, message.conversationId, { agentId: next.id });
    expect(moved.assignments.map((a) => a.agentId)).toEqual([from.id, next.id]);
  });

  it('puts a signed-out agent’s conversations back in the queue with their age, and re-routes them', async () => {
    const language = nextLanguage();
    const leaving = await staff({ languages: speaking(language) });
    const older = await passengerMessage(scenario.t, { language, receivedAt: secondsAgo(600) });
    const newer = await passengerMessage(scenario.t, { language, receivedAt: secondsAgo(300) });
    await waitForAssignment(scenario.t, older.conversationId, { agentId: leaving.id });
    await waitForAssignment(scenario.t, newer.conversationId, { agentId: leaving.id });
    const storedAges = [await storedReceivedAt(scenario.t, older.conversationId), await storedReceivedAt(scenario.t, newer.conversationId)];
    const staying = await staff({ languages: speaking(language) });

    await signOut(scenario.t, leaving.token);

    for (const message of [older, newer]) {
      const detail = await waitForAssignment(scenario.t, message.conversationId, { agentId: staying.id });
      expect(detail.receivedAt).toBe(message.body.receivedAt);
      expect(detail.assignments.map((a) => [a.agentId, a.endReason])).toEqual([
        [leaving.id, 'signed_out'],
        [staying.id, null],
      ]);
      expect(detail.decisions.map((d) => d.chosenAgentId)).toEqual([leaving.id, staying.id]);
    }
    expect([await storedReceivedAt(scenario.t, older.conversationId), await storedReceivedAt(scenario.t, newer.conversationId)]).toEqual(
      storedAges,
    );
    expect(await myConversations(scenario.t, leaving.token)).toEqual([]);
  });

  it('keeps every routing invariant', async () => {
    expect(await invariantViolations(scenario.t)).toEqual({});
  });
});
