import {
  byId,
  conversationDetail,
  invariantViolations,
  languageAllocator,
  passengerMessage,
  resolve,
  secondsAgo,
  useRoutingScenario,
  waitFor,
  waitForAssignment,
} from '../factories/routing';
import { createRule } from '../factories/rules';

describe('routing order of service and strategies', () => {
  const scenario = useRoutingScenario();
  const nextLanguage = languageAllocator();

  const staff = (language: string, maxConcurrent: number) =>
    scenario.staff({ languages: [{ code: language, level: 5 }], maxConcurrent });

  it('serves an agent who signs in highest priority first, then oldest first by receivedAt', async () => {
    const language = nextLanguage();
    // Two rules for one language: "urgent" messages get priority 9, the rest priority 3.
    await createRule(scenario.t, scenario.admin, {
      order: 1,
      match: { languages: [language], keywordsAny: ['urgent'] },
      route: { priority: 9 },
    });
    await createRule(scenario.t, scenario.admin, { order: 2, match: { languages: [language] }, route: { priority: 3 } });

    const urgent = 'URGENT: my flight was cancelled';
    const calm = 'My flight was cancelled';
    // Posted in an order that is neither the priority nor the age order.
    const lowNewer = await passengerMessage(scenario.t, { language, text: calm, receivedAt: secondsAgo(10 * 60) });
    const highNewer = await passengerMessage(scenario.t, { language, text: urgent, receivedAt: secondsAgo(20 * 60) });
    const lowOlder = await passengerMessage(scenario.t, { language, text: calm, receivedAt: secondsAgo(40 * 60) });
    const highOlder = await passengerMessage(scenario.t, { language, text: urgent, receivedAt: secondsAgo(30 * 60) });
    const expectedOrder = [highOlder, highNewer, lowOlder, lowNewer].map((m) => m.conversationId);

    // Every one has been decided (its rule's priority is stored) and waits: nobody speaks the language yet.
    await waitFor(async () => {
      const details = await Promise.all(expectedOrder.map((id) => conversationDetail(scenario.t, id)));
      expect(details.map((d) => [d.status, d.priority])).toEqual([
        ['queued', 9],
        ['queued', 9],
        ['queued', 3],
        ['queued', 3],
      ]);
    });

    // One slot: each resolve frees it and the next conversation in the order of service arrives.
    const agent = await staff(language, 1);
    const served: string[] = [];
    for (const conversationId of expectedOrder) {
      const detail = await waitFor(async () => {
        const mine = await Promise.all(expectedOrder.map((id) => conversationDetail(scenario.t, id)));
        const assigned = mine.filter((d) => d.status === 'assigned');
        expect(assigned).toHaveLength(1);
        return assigned[0];
      });
      expect(detail.assignedAgentId).toBe(agent.id);
      served.push(detail.id);
      expect(detail.id).toBe(conversationId);
      await resolve(scenario.t, agent.token, detail.id);
    }
    expect(served).toEqual(expectedOrder);
  });

  it('least_loaded spreads a burst evenly: six conversations over three agents, two each; thirty, ten each', async () => {
    const language = nextLanguage();
    const rule = await createRule(scenario.t, scenario.admin, { match: { languages: [language] }, route: { strategy: 'least_loaded' } });
    const agents = [await staff(language, 20), await staff(language, 20), await staff(language, 20)];
    const holders = new Map(agents.map((a) => [a.id, 0]));

    // Posted all at once, so decisions run concurrently and race for the same least-loaded agent.
    const burst = async (size: number) => {
      const messages = await Promise.all(Array.from({ length: size }, () => passengerMessage(scenario.t, { language })));
      const details = await Promise.all(messages.map((m) => waitForAssignment(scenario.t, m.conversationId)));
      for (const detail of details) {
        expect(holders.has(detail.assignedAgentId!)).toBe(true);
        holders.set(detail.assignedAgentId!, holders.get(detail.assignedAgentId!)! + 1);
        expect(detail.decisions).toHaveLength(1);
        expect(detail.decisions[0]).toMatchObject({ ruleId: rule.id, strategy: 'least_loaded' });
      }
      return [...holders.values()];
    };
    expect(await burst(6)).toEqual([2, 2, 2]);
    expect(await burst(24)).toEqual([10, 10, 10]);
  });

  it('least_loaded compares open / maxConcurrent, not open counts', async () => {
    const language = nextLanguage();
    await createRule(scenario.t, scenario.admin, { match: { languages: [language] }, route: { strategy: 'least_loaded' } });
    const small = await staff(language, 2);
    const large = await staff(language, 6);

    // One at a time, so each decision sees the previous one committed.
    const holders: string[] = [];
    for (let i = 0; i < 4; i++) {
      const message = await passengerMessage(scenario.t, { language });
      holders.push((await waitForAssignment(scenario.t, message.conversationId)).assignedAgentId!);
    }
    // Loads after each: the ratio decides (ties go to the one idle longest).
    expect(holders.filter((id) => id === small.id)).toHaveLength(1);
    expect(holders.filter((id) => id === large.id)).toHaveLength(3);
  });

  it('round_robin hands conversations to agents in id order and wraps around', async () => {
    const language = nextLanguage();
    const rule = await createRule(scenario.t, scenario.admin, { match: { languages: [language] }, route: { strategy: 'round_robin' } });
    const agents = byId([await staff(language, 10), await staff(language, 10), await staff(language, 10)]);

    const holders: string[] = [];
    for (let i = 0; i < 7; i++) {
      const message = await passengerMessage(scenario.t, { language });
      const detail = await waitForAssignment(scenario.t, message.conversationId);
      expect(detail.decisions[0]).toMatchObject({ ruleId: rule.id, strategy: 'round_robin' });
      holders.push(detail.assignedAgentId!);
    }
    const [a, b, c] = agents.map((agent) => agent.id);
    expect(holders).toEqual([a, b, c, a, b, c, a]);
  });

  it('keeps every routing invariant', async () => {
    expect(await invariantViolations(scenario.t)).toEqual({});
  });
});
