import {
  conversationDetail,
  invariantViolations,
  languageAllocator,
  passengerMessage,
  useRoutingScenario,
  waitFor,
  waitForAssignment,
} from '../factories/routing';
import { createRule } from '../factories/rules';

const SECOND_MS = 1000;
const elapsedMs = (from: string, to: string) => Date.parse(to) - Date.parse(from);

/** Escalation steps taken while a conversation waits; short afterSeconds, polled with deadlines. */
describe('routing escalation', () => {
  const scenario = useRoutingScenario();
  const { staff } = scenario;
  const nextLanguage = languageAllocator();

  it('raises the priority of a waiting conversation when a priority step is reached', async () => {
    const language = nextLanguage();
    await createRule(scenario.t, scenario.admin, {
      match: { languages: [language] },
      route: { priority: 2, escalation: [{ afterSeconds: 3, priority: 9 }] },
    });
    const message = await passengerMessage(scenario.t, { language });

    const before = await waitFor(async () => {
      const detail = await conversationDetail(scenario.t, message.conversationId);
      expect(detail).toMatchObject({ status: 'queued', priority: 2, escalationStep: 0 });
      return detail;
    });
    expect(before.decisions).toEqual([]);
    await waitFor(async () => {
      const detail = await conversationDetail(scenario.t, message.conversationId);
      expect(detail).toMatchObject({ status: 'queued', priority: 9, escalationStep: 1 });
    });

    // The raised priority is what the decision records once an agent comes.
    const agent = await staff({ languages: [{ code: language, level: 5 }] });
    const assigned = await waitForAssignment(scenario.t, message.conversationId, { agentId: agent.id });
    expect(assigned.decisions).toHaveLength(1);
    expect(assigned.decisions[0]).toMatchObject({ escalationStep: 1, requirements: { priority: 9 } });
  });

  it('drops the required skills when a dropSkills step is reached', async () => {
    const language = nextLanguage();
    const rule = await createRule(scenario.t, scenario.admin, {
      match: { languages: [language] },
      route: {
        requiredSkills: [{ name: 'special-assistance', minLevel: 4 }],
        escalation: [{ afterSeconds: 2, dropSkills: true }],
      },
    });
    const unskilled = await staff({ languages: [{ code: language, level: 5 }], skills: [{ name: 'special-assistance', level: 3 }] });
    const message = await passengerMessage(scenario.t, { language });

    const detail = await waitForAssignment(scenario.t, message.conversationId, { agentId: unskilled.id });
    expect(elapsedMs(detail.receivedAt, detail.assignedAt!)).toBeGreaterThanOrEqual(2 * SECOND_MS);
    expect(detail.decisions).toHaveLength(1);
    expect(detail.decisions[0]).toMatchObject({
      ruleId: rule.id,
      escalationStep: 1,
      chosenAgentId: unskilled.id,
      requirements: { requiredSkills: [], languages: [language] },
    });
  });

  it('accepts the fallback languages when a fallbackLanguages step is reached', async () => {
    const language = nextLanguage();
    const fallback = nextLanguage();
    const rule = await createRule(scenario.t, scenario.admin, {
      match: { languages: [language] },
      route: { minLanguageLevel: 2, escalation: [{ afterSeconds: 2, fallbackLanguages: [fallback] }] },
    });
    const fallbackSpeaker = await staff({ languages: [{ code: fallback, level: 4 }] });
    // Speaks the fallback below minLanguageLevel, which still applies to fallback languages.
    const weakFallbackSpeaker = await staff({ languages: [{ code: fallback, level: 1 }] });
    const message = await passengerMessage(scenario.t, { language });

    const detail = await waitForAssignment(scenario.t, message.conversationId, { agentId: fallbackSpeaker.id });
    expect(elapsedMs(detail.receivedAt, detail.assignedAt!)).toBeGreaterThanOrEqual(2 * SECOND_MS);
    expect(detail.decisions).toHaveLength(1);
    const [decision] = detail.decisions;
    expect(decision).toMatchObject({ ruleId: rule.id, escalationStep: 1, requirements: { languages: [language, fallback] } });
    expect(decision.candidates.map((c) => c.agentId)).toEqual([fallbackSpeaker.id]);
    expect(decision.candidates.map((c) => c.agentId)).not.toContain(weakFallbackSpeaker.id);
  });

  it('takes steps in time order, each one applying on top of the earlier ones', async () => {
    const language = nextLanguage();
    const fallback = nextLanguage();
    await createRule(scenario.t, scenario.admin, {
      match: { languages: [language] },
      route: {
        priority: 4,
        requiredSkills: [{ name: 'refunds', minLevel: 5 }],
        escalation: [
          { afterSeconds: 1, priority: 7 },
          { afterSeconds: 2, dropSkills: true },
          { afterSeconds: 3, fallbackLanguages: [fallback] },
        ],
      },
    });
    // Only the last step makes this agent eligible: it speaks the fallback alone, without the skill.
    const agent = await staff({ languages: [{ code: fallback, level: 5 }] });
    const message = await passengerMessage(scenario.t, { language });

    const detail = await waitForAssignment(scenario.t, message.conversationId, { agentId: agent.id });
    expect(elapsedMs(detail.receivedAt, detail.assignedAt!)).toBeGreaterThanOrEqual(3 * SECOND_MS);
    expect(detail).toMatchObject({ priority: 7, escalationStep: 3 });
    expect(detail.decisions[0]).toMatchObject({
      escalationStep: 3,
      requirements: { priority: 7, requiredSkills: [], languages: [language, fallback] },
    });
  });

  it('keeps every routing invariant', async () => {
    expect(await invariantViolations(scenario.t)).toEqual({});
  });
});
