import { conversationDetail, languageAllocator, passengerMessage, useRoutingScenario, waitForAssignment } from '../factories/routing';
import { RoutingDemand } from '../../src/routing/pump/routing-demand';

/** Postgres keeps the truth: work whose wake-up the routing pump never got is found again without a restart. */
describe('a lost routing wake-up', () => {
  const scenario = useRoutingScenario();
  const nextLanguage = languageAllocator();

  it('routes a queued conversation the pump was never told about, on a periodic reconcile pass', async () => {
    const language = nextLanguage();
    const agent = await scenario.staff({ languages: [{ code: language, level: 5 }], maxConcurrent: 2 });
    const demand = scenario.t.app.get(RoutingDemand);

    // The process that took the message in dies between its commit and telling the pump, as it were.
    const decide = jest.spyOn(demand, 'decide').mockImplementation(() => undefined);
    const queueGrew = jest.spyOn(demand, 'queueGrew').mockImplementation(() => undefined);
    let conversationId: string;
    try {
      ({ conversationId } = await passengerMessage(scenario.t, { language }));
      expect(decide).toHaveBeenCalledWith([conversationId]);
      expect((await conversationDetail(scenario.t, conversationId)).status).toBe('queued');
    } finally {
      decide.mockRestore();
      queueGrew.mockRestore();
    }

    await waitForAssignment(scenario.t, conversationId, { agentId: agent.id, timeoutMs: 5000 });
  });
});
