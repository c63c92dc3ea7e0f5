import { getQueueToken } from '@nestjs/bull';
import { Job, Queue } from 'bull';
import { conversationDetail, languageAllocator, passengerMessage, useRoutingScenario, waitForAssignment } from '../factories/routing';
import { ROUTING_QUEUE, RoutingJob, RouteConversationPayload } from '../../src/routing/routing.queue';

/** Postgres keeps the truth: work whose job Redis lost is found again without a restart. */
describe('routing jobs lost from Redis', () => {
  const scenario = useRoutingScenario();
  const nextLanguage = languageAllocator();

  it('routes a queued conversation whose routing job was lost, on a periodic reconcile pass', async () => {
    const language = nextLanguage();
    const agent = await scenario.staff({ languages: [{ code: language, level: 5 }], maxConcurrent: 2 });
    const queue = scenario.t.app.get<Queue>(getQueueToken(ROUTING_QUEUE));

    await queue.pause(true);
    let conversationId: string;
    try {
      ({ conversationId } = await passengerMessage(scenario.t, { language }));
      const waiting: Job<RouteConversationPayload>[] = await queue.getWaiting();
      const jobs = waiting.filter((job) => job.name === RoutingJob.routeConversation && job.data.conversationId === conversationId);
      expect(jobs).toHaveLength(1);
      await jobs[0].remove();
    } finally {
      await queue.resume(true);
    }

    expect((await conversationDetail(scenario.t, conversationId)).status).toBe('queued');
    await waitForAssignment(scenario.t, conversationId, { agentId: agent.id, timeoutMs: 5000 });
  });
});
