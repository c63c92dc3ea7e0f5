import {
  invariantViolations,
  languageAllocator,
  passengerMessage,
  resolve,
  setPresence,
  useRoutingScenario,
  waitForAssignment,
} from '../factories/routing';
import { createRule } from '../factories/rules';

/**
 * Language, minLanguageLevel, skills with minLevel, and `und`. Every rule here sets priority 6, so a
 * conversation showing priority 6 while still queued has been decided and found no eligible agent.
 */
describe('routing eligibility: language, level, skills, und', () => {
  const scenario = useRoutingScenario();
  const { staff, waitUntilDecidedAndWaiting } = scenario;
  const nextLanguage = languageAllocator();

  it('routes only to agents speaking the language at minLanguageLevel or better', async () => {
    const language = nextLanguage();
    const other = nextLanguage();
    const rule = await createRule(scenario.t, scenario.admin, {
      match: { languages: [language] },
      route: { minLanguageLevel: 3, priority: 6 },
    });
    const tooWeak = await staff({ languages: [{ code: language, level: 2 }, { code: other, level: 5 }] });
    await staff({ languages: [{ code: other, level: 5 }] });

    const message = await passengerMessage(scenario.t, { language });
    await waitUntilDecidedAndWaiting(message.conversationId);

    const exactlyEnough = await staff({ languages: [{ code: language, level: 3 }] });
    const detail = await waitForAssignment(scenario.t, message.conversationId, { agentId: exactlyEnough.id });
    expect(detail.decisions).toHaveLength(1);
    const [decision] = detail.decisions;
    expect(decision).toMatchObject({ ruleId: rule.id, ruleVersion: rule.version, chosenAgentId: exactlyEnough.id });
    expect(decision.requirements).toMatchObject({ languages: [language], minLanguageLevel: 3 });
    expect(decision.candidates.map((c) => c.agentId)).toEqual([exactlyEnough.id]);
    expect(decision.candidates.map((c) => c.agentId)).not.toContain(tooWeak.id);
  });

  it('routes only to agents holding every required skill at its minLevel or better', async () => {
    const language = nextLanguage();
    const rule = await createRule(scenario.t, scenario.admin, {
      match: { languages: [language] },
      route: {
        requiredSkills: [
          { name: 'special-assistance', minLevel: 3 },
          { name: 'rebooking', minLevel: 2 },
        ],
        priority: 6,
      },
    });
    const speaks = [{ code: language, level: 5 }];
    const missingOne = await staff({ languages: speaks, skills: [{ name: 'special-assistance', level: 5 }] });
    const levelTooLow = await staff({
      languages: speaks,
      skills: [
        { name: 'special-assistance', level: 2 },
        { name: 'rebooking', level: 5 },
      ],
    });

    const message = await passengerMessage(scenario.t, { language });
    await waitUntilDecidedAndWaiting(message.conversationId);

    const qualified = await staff({
      languages: speaks,
      skills: [
        { name: 'special-assistance', level: 3 },
        { name: 'rebooking', level: 2 },
        { name: 'refunds', level: 1 },
      ],
    });
    const detail = await waitForAssignment(scenario.t, message.conversationId, { agentId: qualified.id });
    const [decision] = detail.decisions;
    expect(detail.decisions).toHaveLength(1);
    expect(decision).toMatchObject({ ruleId: rule.id, chosenAgentId: qualified.id });
    expect(decision.requirements.requiredSkills).toEqual([
      { name: 'special-assistance', minLevel: 3 },
      { name: 'rebooking', minLevel: 2 },
    ]);
    const considered = decision.candidates.map((c) => c.agentId);
    expect(considered).toEqual([qualified.id]);
    expect(considered).not.toEqual(expect.arrayContaining([missingOne.id]));
    expect(considered).not.toEqual(expect.arrayContaining([levelTooLow.id]));
  });

  it('routes a conversation whose language is und to any agent, whatever it speaks', async () => {
    const first = await staff({ languages: [{ code: nextLanguage(), level: 1 }] });
    const second = await staff({ languages: [{ code: nextLanguage(), level: 5 }] });

    // Too few letters to tell a language: intake stores `und`.
    const message = await passengerMessage(scenario.t, { language: undefined, text: 'KL1234 ??? !!! 17:05' });
    const detail = await waitForAssignment(scenario.t, message.conversationId);
    expect(detail.language).toBe('und');
    expect([first.id, second.id]).toContain(detail.assignedAgentId);
    const [decision] = detail.decisions;
    expect(decision.requirements.languages).toBeNull();
    expect(decision.candidates.map((c) => c.agentId).sort()).toEqual([first.id, second.id].sort());

    const holder = detail.assignedAgentId === first.id ? first : second;
    await resolve(scenario.t, holder.token, message.conversationId);
  });

  it('gives an away agent no new work, and serves it the waiting work once it is available again', async () => {
    const language = nextLanguage();
    await createRule(scenario.t, scenario.admin, { match: { languages: [language] }, route: { priority: 6 } });
    const agent = await staff({ languages: [{ code: language, level: 5 }] });
    await setPresence(scenario.t, agent.token, 'away');

    const message = await passengerMessage(scenario.t, { language });
    await waitUntilDecidedAndWaiting(message.conversationId);

    await setPresence(scenario.t, agent.token, 'available');
    const detail = await waitForAssignment(scenario.t, message.conversationId, { agentId: agent.id });
    expect(detail.decisions.map((d) => d.chosenAgentId)).toEqual([agent.id]);
  });

  it('keeps every routing invariant', async () => {
    expect(await invariantViolations(scenario.t)).toEqual({});
  });
});
