import {
  conversationDetail,
  holdsUntil,
  invariantViolations,
  languageAllocator,
  passengerMessage,
  reply,
  useRoutingScenario,
  waitFor,
  waitForAssignment,
} from '../factories/routing';
import { createRule } from '../factories/rules';

const REASSIGN_AFTER_SECONDS = 2;
/** Long enough for a reclaim job due at the deadline and a few reconcile passes to have run. */
const GRACE_MS = 2000;

/** reassignAfterSeconds: no first reply by then, and the conversation goes back to the queue. */
describe('routing reassignment of unanswered conversations', () => {
  const scenario = useRoutingScenario();
  const nextLanguage = languageAllocator();

  const staff = (language: string) => scenario.staff({ languages: [{ code: language, level: 5 }], maxConcurrent: 3 });

  const ruleFor = (language: string) =>
    createRule(scenario.t, scenario.admin, { match: { languages: [language] }, route: { reassignAfterSeconds: REASSIGN_AFTER_SECONDS } });

  it('takes an unanswered conversation back and routes it to another agent, never back to the first', async () => {
    const language = nextLanguage();
    const rule = await ruleFor(language);
    const first = await staff(language);
    const message = await passengerMessage(scenario.t, { language });
    const firstAssignment = await waitForAssignment(scenario.t, message.conversationId, { agentId: first.id });

    const second = await staff(language);
    const moved = await waitForAssignment(scenario.t, message.conversationId, { agentId: second.id });
    expect(moved.assignments.map((a) => [a.agentId, a.endReason])).toEqual([
      [first.id, 'unresponsive'],
      [second.id, null],
    ]);
    const reclaimedAfterMs = Date.parse(moved.assignments[0].endedAt!) - Date.parse(firstAssignment.assignedAt!);
    expect(reclaimedAfterMs).toBeGreaterThanOrEqual(REASSIGN_AFTER_SECONDS * 1000);
    expect(moved.decisions).toHaveLength(2);
    expect(moved.decisions[1]).toMatchObject({ ruleId: rule.id, chosenAgentId: second.id });
    // The first agent still speaks the language and has room, yet is no candidate any more.
    expect(moved.decisions[1].candidates.map((c) => c.agentId)).toEqual([second.id]);

    // The second agent does not answer either: both are excluded now, so it waits in the queue.
    const waiting = await waitFor(async () => {
      const detail = await conversationDetail(scenario.t, message.conversationId);
      expect(detail.status).toBe('queued');
      return detail;
    });
    expect(waiting.assignments.map((a) => [a.agentId, a.endReason])).toEqual([
      [first.id, 'unresponsive'],
      [second.id, 'unresponsive'],
    ]);
    await holdsUntil(async () => {
      const detail = await conversationDetail(scenario.t, message.conversationId);
      expect({ status: detail.status, assignments: detail.assignments.length }).toEqual({ status: 'queued', assignments: 2 });
    }, Date.now() + GRACE_MS);

    const third = await staff(language);
    const last = await waitForAssignment(scenario.t, message.conversationId, { agentId: third.id });
    expect(last.assignments.map((a) => a.agentId)).toEqual([first.id, second.id, third.id]);
    expect(last.receivedAt).toBe(firstAssignment.receivedAt);
  });

  it('leaves a conversation with its agent when the agent replies before the deadline', async () => {
    const language = nextLanguage();
    await ruleFor(language);
    const agent = await staff(language);
    const message = await passengerMessage(scenario.t, { language });
    const assigned = await waitForAssignment(scenario.t, message.conversationId, { agentId: agent.id });
    await reply(scenario.t, agent.token, message.conversationId);

    // Another eligible agent with room is there to take it, were it taken back.
    await staff(language);
    const deadline = Date.parse(assigned.assignedAt!) + REASSIGN_AFTER_SECONDS * 1000;
    await holdsUntil(async () => {
      const detail = await conversationDetail(scenario.t, message.conversationId);
      expect(detail.status).toBe('assigned');
      expect(detail.assignments.map((a) => [a.agentId, a.endReason])).toEqual([[agent.id, null]]);
      expect(detail.decisions).toHaveLength(1);
    }, deadline + GRACE_MS);
  });

  it('keeps every routing invariant', async () => {
    expect(await invariantViolations(scenario.t)).toEqual({});
  });
});
