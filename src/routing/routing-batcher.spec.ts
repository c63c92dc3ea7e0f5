import { RoutingBatcher } from './routing-batcher';
import { RoutingOutcome, RoutingService } from './routing.service';

const assigned = (agentId: string): RoutingOutcome => ({ kind: 'assigned', agentId, assignmentId: `a-${agentId}`, reclaimAt: null });

/** A routing service that records each batch it is asked to decide. */
function recordingRouting(decide: (ids: string[]) => Map<string, RoutingOutcome> | Error = (ids) => new Map(ids.map((id) => [id, assigned(id)]))) {
  const batches: string[][] = [];
  const routing = {
    routeConversations: async (ids: string[]) => {
      batches.push(ids);
      const result = decide(ids);
      if (result instanceof Error) throw result;
      return result;
    },
  } as unknown as RoutingService;
  return { routing, batches };
}

describe('RoutingBatcher', () => {
  it('decides requests made in the same turn together and answers each with its own outcome', async () => {
    const { routing, batches } = recordingRouting();
    const batcher = new RoutingBatcher(routing);
    const outcomes = await Promise.all(['c1', 'c2', 'c3'].map((id) => batcher.route(id)));
    expect(batches).toEqual([['c1', 'c2', 'c3']]);
    expect(outcomes).toEqual([assigned('c1'), assigned('c2'), assigned('c3')]);
  });

  it('decides a conversation asked for twice once, answering both', async () => {
    const { routing, batches } = recordingRouting();
    const batcher = new RoutingBatcher(routing);
    const outcomes = await Promise.all([batcher.route('c1'), batcher.route('c1')]);
    expect(batches).toEqual([['c1']]);
    expect(outcomes).toEqual([assigned('c1'), assigned('c1')]);
  });

  it('splits a burst into batches of at most 16', async () => {
    const { routing, batches } = recordingRouting();
    const batcher = new RoutingBatcher(routing);
    await Promise.all(Array.from({ length: 40 }, (_, i) => batcher.route(`c${i}`)));
    expect(batches.map((batch) => batch.length)).toEqual([16, 16, 8]);
  });

  it('starts a new batch for requests made after a flush', async () => {
    const { routing, batches } = recordingRouting();
    const batcher = new RoutingBatcher(routing);
    await batcher.route('c1');
    await batcher.route('c2');
    expect(batches).toEqual([['c1'], ['c2']]);
  });

  it('fails every request of a batch whose transaction failed, and only those', async () => {
    const { routing } = recordingRouting((ids) => (ids.includes('bad') ? new Error('deadlock') : new Map(ids.map((id) => [id, assigned(id)]))));
    const batcher = new RoutingBatcher(routing);
    const failed = Promise.allSettled([batcher.route('bad'), batcher.route('c2')]);
    await expect(failed).resolves.toEqual([
      { status: 'rejected', reason: new Error('deadlock') },
      { status: 'rejected', reason: new Error('deadlock') },
    ]);
    await expect(batcher.route('c3')).resolves.toEqual(assigned('c3'));
  });
});
