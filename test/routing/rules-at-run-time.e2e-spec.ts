import {
  auth,
  ConversationDetail,
  invariantViolations,
  languageAllocator,
  passengerMessage,
  useRoutingScenario,
  waitForAssignment,
} from '../factories/routing';
import { createRule, newRuleBody } from '../factories/rules';

/** Each assignment points at the decision that made it, and that decision names the agent. */
function expectExplained(detail: ConversationDetail): void {
  expect(detail.assignments.length).toBeGreaterThan(0);
  for (const assignment of detail.assignments) {
    const decision = detail.decisions.find((d) => d.id === assignment.decisionId);
    expect(decision).toBeDefined();
    expect(decision!.chosenAgentId).toBe(assignment.agentId);
    expect(decision!.reason).toEqual(expect.any(String));
    expect(decision!.reason.length).toBeGreaterThan(0);
  }
}

/** Decisions name the rule and ruleset version they used; rule changes apply without a restart. */
describe('routing decisions and rules changed at run time', () => {
  const scenario = useRoutingScenario();
  const nextLanguage = languageAllocator();

  const staff = (language: string, level = 5) => scenario.staff({ languages: [{ code: language, level }] });
  const currentVersion = async (): Promise<number> =>
    (await scenario.t.http().get('/api/v1/routing/rules').set(auth(scenario.admin)).expect(200)).body.version as number;
  const replaceRule = async (id: string, body: Record<string, unknown>): Promise<number> =>
    (await scenario.t.http().put(`/api/v1/routing/rules/${id}`).set(auth(scenario.admin)).send(body).expect(200)).body.version as number;

  it('records the built-in default rule (no id) and the ruleset version when no rule matches', async () => {
    const language = nextLanguage();
    const agent = await staff(language);
    const version = await currentVersion();
    const message = await passengerMessage(scenario.t, { language });

    const detail = await waitForAssignment(scenario.t, message.conversationId, { agentId: agent.id });
    expect(detail.decisions).toHaveLength(1);
    expect(detail.decisions[0]).toMatchObject({
      ruleId: null,
      ruleName: 'default',
      ruleVersion: version,
      escalationStep: 0,
      strategy: 'least_loaded',
      chosenAgentId: agent.id,
      requirements: { languages: [language], minLanguageLevel: 1, requiredSkills: [], priority: 5 },
    });
    expect(detail.decisions[0].candidates.map((c) => c.agentId)).toEqual([agent.id]);
    expectExplained(detail);
  });

  it('records the matching rule’s id and the version it was created in', async () => {
    const language = nextLanguage();
    const rule = await createRule(scenario.t, scenario.admin, { match: { languages: [language] }, route: { priority: 7 } });
    const agent = await staff(language);
    const message = await passengerMessage(scenario.t, { language });

    const detail = await waitForAssignment(scenario.t, message.conversationId, { agentId: agent.id });
    expect(detail.decisions).toHaveLength(1);
    expect(detail.decisions[0]).toMatchObject({ ruleId: rule.id, ruleName: rule.name, ruleVersion: rule.version });
    expect(detail.priority).toBe(7);
    expectExplained(detail);
  });

  it('uses a replaced, a disabled and a deleted rule from the next decision on, naming each new version', async () => {
    const language = nextLanguage();
    const name = 'run-time change';
    const rule = await createRule(scenario.t, scenario.admin, { name, match: { languages: [language] }, route: { priority: 7 } });
    // Two agents, so each decision below has a candidate with room.
    await staff(language);
    await staff(language);
    const decide = async () => {
      const message = await passengerMessage(scenario.t, { language });
      const detail = await waitForAssignment(scenario.t, message.conversationId);
      expectExplained(detail);
      return detail.decisions[0];
    };

    expect(await decide()).toMatchObject({ ruleId: rule.id, ruleVersion: rule.version, requirements: { priority: 7 } });

    const body = (priority: number, enabled = true) =>
      newRuleBody({ name, order: 10, enabled, match: { languages: [language] }, route: { priority } });
    const replaced = await replaceRule(rule.id, body(8));
    expect(replaced).toBe(rule.version + 1);
    expect(await decide()).toMatchObject({ ruleId: rule.id, ruleVersion: replaced, requirements: { priority: 8 } });

    const disabled = await replaceRule(rule.id, body(8, false));
    expect(await decide()).toMatchObject({ ruleId: null, ruleName: 'default', ruleVersion: disabled, requirements: { priority: 5 } });

    const enabled = await replaceRule(rule.id, body(9));
    expect(await decide()).toMatchObject({ ruleId: rule.id, ruleVersion: enabled, requirements: { priority: 9 } });

    await scenario.t.http().delete(`/api/v1/routing/rules/${rule.id}`).set(auth(scenario.admin)).expect(204);
    const deleted = await currentVersion();
    expect(deleted).toBe(enabled + 1);
    expect(await decide()).toMatchObject({ ruleId: null, ruleName: 'default', ruleVersion: deleted });
  });

  it('routes a waiting conversation as soon as a rule change makes a signed-in agent eligible', async () => {
    const language = nextLanguage();
    const body = (minLanguageLevel: number) =>
      newRuleBody({ name: 'level check', order: 10, match: { languages: [language] }, route: { minLanguageLevel, priority: 6 } });
    const rule = await createRule(scenario.t, scenario.admin, body(4));
    const agent = await staff(language, 2);
    const message = await passengerMessage(scenario.t, { language });
    // Decided under the strict rule (its priority is stored) and waiting: the agent's level is too low.
    await scenario.waitUntilDecidedAndWaiting(message.conversationId);

    const loosened = await replaceRule(rule.id, body(2));
    const detail = await waitForAssignment(scenario.t, message.conversationId, { agentId: agent.id });
    expect(detail.decisions).toHaveLength(1);
    expect(detail.decisions[0]).toMatchObject({ ruleId: rule.id, ruleVersion: loosened, requirements: { minLanguageLevel: 2 } });
  });

  it('keeps every routing invariant', async () => {
    expect(await invariantViolations(scenario.t)).toEqual({});
  });
});
