import { CapacityService } from '../capacity.service';
import { PumpBatch, RoutingService } from '../routing.service';
import { RoutingDemand } from './routing-demand';
import { PUMP_BATCH, PUMP_BATCH_MAX, RoutingPump } from './routing-pump';

const nextTick = () => new Promise((resolve) => setImmediate(resolve));

/** A routing service whose turns answer from a script and record what they were asked. */
class ScriptedRouting {
  readonly turns: { named: string[]; scanLimit: number }[] = [];
  inTurn = 0;
  maxInTurn = 0;

  constructor(private readonly answers: (PumpBatch | Error)[]) {}

  async routeBatch(named: string[], scanLimit: number): Promise<PumpBatch> {
    this.turns.push({ named, scanLimit });
    this.inTurn++;
    this.maxInTurn = Math.max(this.maxInTurn, this.inTurn);
    await nextTick();
    this.inTurn--;
    const answer = this.answers.shift() ?? { lostRaces: [], lockedElsewhere: [], queueMayHoldMore: false };
    if (answer instanceof Error) throw answer;
    return answer;
  }
}

function pumpWith(answers: (PumpBatch | Error)[]) {
  const demand = new RoutingDemand();
  const routing = new ScriptedRouting(answers);
  const served: string[] = [];
  const capacity = {
    // Served before the routing's turns recorded so far are counted, to tell the order apart.
    serveAgents: async (agentIds: string[]) => served.push(...agentIds.map((agentId) => `${agentId} after ${routing.turns.length} turn(s)`)),
  };
  const pump = new RoutingPump(demand, routing as unknown as RoutingService, capacity as unknown as CapacityService);
  pump.onModuleInit();
  return { demand, routing, served, pump };
}

/** Turns the event loop until `done` holds over a few turns in a row (a bounded number of turns). */
async function until(done: () => boolean): Promise<void> {
  for (let turns = 0, inARow = 0; inARow < 5; turns++) {
    if (turns > 1000) throw new Error('the pump never settled');
    await nextTick();
    inARow = done() ? inARow + 1 : 0;
  }
}

/** Nothing is asked and no turn runs. */
const idle = (demand: RoutingDemand, routing: ScriptedRouting) => until(() => !demand.pending && routing.inTurn === 0);

describe('RoutingPump', () => {
  it('takes turns while a full scan says the queue may hold more, each scan twice the last up to a bound, then stops', async () => {
    const full = { lostRaces: [], lockedElsewhere: [], queueMayHoldMore: true };
    const notFull = { lostRaces: [], lockedElsewhere: [], queueMayHoldMore: false };
    const { demand, routing, pump } = pumpWith([...Array(5).fill(full), notFull]);
    demand.queueGrew();
    await idle(demand, routing);
    await pump.onModuleDestroy();
    const limits = [PUMP_BATCH, PUMP_BATCH * 2, PUMP_BATCH * 4, PUMP_BATCH_MAX, PUMP_BATCH_MAX, PUMP_BATCH_MAX];
    expect(routing.turns).toEqual(limits.map((scanLimit) => ({ named: [], scanLimit })));
  });

  it('goes back to the smallest scan once a scan is not full', async () => {
    const full = { lostRaces: [], lockedElsewhere: [], queueMayHoldMore: true };
    const notFull = { lostRaces: [], lockedElsewhere: [], queueMayHoldMore: false };
    const { demand, routing, pump } = pumpWith([full, notFull]);
    demand.queueGrew();
    await idle(demand, routing);
    demand.queueGrew();
    await idle(demand, routing);
    await pump.onModuleDestroy();
    expect(routing.turns.map((turn) => turn.scanLimit)).toEqual([PUMP_BATCH, PUMP_BATCH * 2, PUMP_BATCH]);
  });

  it('takes twice as many by name after a turn that took all it could, and goes back once one did not', async () => {
    const { demand, routing, pump } = pumpWith([]);
    const ids = (from: number, count: number) => Array.from({ length: count }, (_, i) => `c${from + i}`);
    demand.decide(ids(0, PUMP_BATCH * 2 + 20));
    await idle(demand, routing);
    demand.decide(ids(1000, PUMP_BATCH + 10));
    await idle(demand, routing);
    await pump.onModuleDestroy();
    expect(routing.turns.map((turn) => turn.named.length)).toEqual([PUMP_BATCH, PUMP_BATCH + 20, PUMP_BATCH, 10]);
  });

  it('decides again by name the conversations whose agents were taken meanwhile', async () => {
    const { demand, routing, pump } = pumpWith([{ lostRaces: ['c2'], lockedElsewhere: [], queueMayHoldMore: false }]);
    demand.decide(['c1', 'c2']);
    await idle(demand, routing);
    await pump.onModuleDestroy();
    expect(routing.turns).toEqual([
      { named: ['c1', 'c2'], scanLimit: 0 },
      { named: ['c2'], scanLimit: 0 },
    ]);
  });

  it('asks again, after a pause, for the conversations another transaction held locked', async () => {
    jest.useFakeTimers({ doNotFake: ['setImmediate'] });
    try {
      const { demand, routing, pump } = pumpWith([{ lostRaces: [], lockedElsewhere: ['c2'], queueMayHoldMore: false }]);
      demand.decide(['c1', 'c2']);
      await idle(demand, routing);
      expect(routing.turns).toEqual([{ named: ['c1', 'c2'], scanLimit: 0 }]);

      jest.advanceTimersByTime(50);
      await idle(demand, routing);
      await pump.onModuleDestroy();
      expect(routing.turns).toEqual([
        { named: ['c1', 'c2'], scanLimit: 0 },
        { named: ['c2'], scanLimit: 0 },
      ]);
    } finally {
      jest.useRealTimers();
    }
  });

  it('runs one turn at a time, serving agents before deciding, and gathers what is asked meanwhile into the next turn', async () => {
    const { demand, routing, served, pump } = pumpWith([]);
    demand.decide(['c1']);
    demand.decide(['c2']);
    demand.serve('a1');
    demand.queueGrew();
    await idle(demand, routing);
    await pump.onModuleDestroy();
    expect(routing.maxInTurn).toBe(1);
    expect(routing.turns).toEqual([{ named: ['c1', 'c2'], scanLimit: PUMP_BATCH }]);
    expect(served).toEqual(['a1 after 0 turn(s)']);
  });

  it('asks again for what a failed turn had not done and tries again after a pause', async () => {
    jest.useFakeTimers({ doNotFake: ['setImmediate'] });
    try {
      const { demand, routing, served, pump } = pumpWith([new Error('connection refused')]);
      demand.decide(['c1']);
      demand.serve('a1');
      await until(() => routing.turns.length === 1 && routing.inTurn === 0);
      expect(routing.turns).toHaveLength(1);
      // The agent was served before the decision failed.
      expect(served).toEqual(['a1 after 0 turn(s)']);
      expect(demand.pending).toBe(true);

      jest.advanceTimersByTime(1000);
      await idle(demand, routing);
      await pump.onModuleDestroy();
      expect(routing.turns).toEqual([
        { named: ['c1'], scanLimit: 0 },
        { named: ['c1'], scanLimit: 0 },
      ]);
      expect(served).toEqual(['a1 after 0 turn(s)']);
    } finally {
      jest.useRealTimers();
    }
  });
});
