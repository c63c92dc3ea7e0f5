import {
  auth,
  conversationDetail,
  languageAllocator,
  passengerMessage,
  resolve,
  setPresence,
  useRoutingScenario,
  waitFor,
  waitForAssignment,
} from '../factories/routing';
import { createRule } from '../factories/rules';

/** A decision that finds no agent is recorded with why the conversation waits, and shown on it. */
describe('why a conversation waits', () => {
  const scenario = useRoutingScenario();
  const nextLanguage = languageAllocator();

  const waitingDecisions = async (conversationId: string) =>
    (
      await scenario.t.db.query<{ escalation_step: number; reason: string; chosen_agent_id: string | null }>(
        `SELECT escalation_step, reason, chosen_agent_id FROM routing_decisions WHERE conversation_id = $1 AND outcome = 'waiting' ORDER BY created_at`,
        [conversationId],
      )
    ).rows;

  it('says no agent on the roster fits, and records a new waiting decision only when the step changes', async () => {
    const language = nextLanguage();
    await createRule(scenario.t, scenario.admin, {
      match: { languages: [language] },
      route: { minLanguageLevel: 3, escalation: [{ afterSeconds: 2, priority: 9 }] },
    });
    const { conversationId } = await passengerMessage(scenario.t, { language });

    const waiting = await waitFor(async () => {
      const detail = await conversationDetail(scenario.t, conversationId);
      expect(detail.waiting).not.toBeNull();
      return detail;
    });
    expect(waiting.decisions).toEqual([]);
    expect(waiting.waiting).toMatchObject({
      escalationStep: 0,
      reason: `waiting: no agent on the roster fits; needs a staff or volunteer agent speaking ${language} at level ≥ 3`,
    });

    // The escalation job and the periodic pass (every 500 ms) both decide it again; only the new step is recorded.
    await waitFor(async () => expect((await conversationDetail(scenario.t, conversationId)).waiting?.escalationStep).toBe(1));
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const recorded = await waitingDecisions(conversationId);
    expect(recorded.map((row) => [row.escalation_step, row.chosen_agent_id])).toEqual([
      [0, null],
      [1, null],
    ]);
  });

  it('tells an agent away from an agent with no room, and clears once an agent takes the conversation', async () => {
    const language = nextLanguage();
    const agent = await scenario.staff({ languages: [{ code: language, level: 5 }], maxConcurrent: 1 });
    const first = await passengerMessage(scenario.t, { language });
    await waitForAssignment(scenario.t, first.conversationId, { agentId: agent.id });

    const second = await passengerMessage(scenario.t, { language });
    await waitFor(async () =>
      expect((await conversationDetail(scenario.t, second.conversationId)).waiting?.reason).toMatch(/^waiting: 1 agent\(s\) on duty fit, none with room; /),
    );

    await setPresence(scenario.t, agent.token, 'away');
    const third = await passengerMessage(scenario.t, { language });
    await waitFor(async () =>
      expect((await conversationDetail(scenario.t, third.conversationId)).waiting?.reason).toMatch(
        /^waiting: 1 agent\(s\) on the roster fit, none on duty \(signed in, available, in a shift\); /,
      ),
    );

    await setPresence(scenario.t, agent.token, 'available');
    await resolve(scenario.t, agent.token, first.conversationId);
    const assigned = await waitForAssignment(scenario.t, second.conversationId, { agentId: agent.id });
    expect(assigned.waiting).toBeNull();
    expect(assigned.decisions.map((decision) => decision.chosenAgentId)).toEqual([agent.id]);
  });

  it('does not count an agent the conversation excludes among those who fit', async () => {
    const language = nextLanguage();
    const busy = await scenario.staff({ languages: [{ code: language, level: 5 }], maxConcurrent: 1 });
    const first = await passengerMessage(scenario.t, { language });
    await waitForAssignment(scenario.t, first.conversationId, { agentId: busy.id });
    const transferring = await scenario.staff({ languages: [{ code: language, level: 5 }], maxConcurrent: 1 });
    const second = await passengerMessage(scenario.t, { language });
    await waitForAssignment(scenario.t, second.conversationId, { agentId: transferring.id });

    // Transferred away: the agent who transferred it has room again but may not take it back.
    await scenario.t.http().post(`/api/v1/conversations/${second.conversationId}/transfer`).set(auth(transferring.token)).send({}).expect(200);
    await waitFor(async () =>
      expect((await conversationDetail(scenario.t, second.conversationId)).waiting?.reason).toMatch(/^waiting: 1 agent\(s\) on duty fit, none with room; /),
    );
  });
});
