import fc from 'fast-check';
import { DataSource } from 'typeorm';
import { AssignmentRepository } from '../../src/routing/assignment.repository';
import { CandidatePoolsRepository } from '../../src/routing/candidate-pools.repository';
import { requirementsFixture } from '../../src/routing/engine/requirements.fixture';
import { WaitingWorkRepository } from '../../src/routing/waiting-work.repository';
import { evaluateEligibility, rankCandidates, Requirements, toRankedCandidate } from '../../src/routing/engine';
import { agentArb, arrange, arrangeWaiting, onDuty, requirementsArb, snapshotOf, transactionManager, useRolledBackTransactions } from './random-roster';

/**
 * One definition of eligibility: the candidates the claim reads (SQL: the pool read, less the
 * conversation's exclusions read with its lock) must be exactly the agents the engine's
 * evaluateEligibility accepts (simulate and replay), for any roster and any requirements; and a pool
 * cut at a limit must hold the head of the engine's ranking, as the claim plan relies on. Random rosters are written to a real Postgres inside a transaction that is rolled
 * back, so every run starts empty.
 */

const RUNS = Number(process.env.ELIGIBILITY_RUNS ?? 150);
/** A pool cut shorter than most generated rosters, to check that the cut keeps the best. */
const HEAD = 3;

/** No requirement an agent can miss: the engine then accepts exactly the agents on duty with room. */
const ANYONE: Requirements = requirementsFixture({ languages: null });

describe('the candidate query and the engine agree on eligibility', () => {
  const inRolledBackTransaction = useRolledBackTransactions();
  const assignments = new AssignmentRepository();
  const candidatePools = new CandidatePoolsRepository();

  it(`for random rosters and requirements, in the same order (${RUNS} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(agentArb, { minLength: 1, maxLength: 8 }), requirementsArb, async (agents, requirements) => {
        await inRolledBackTransaction(async (client) => {
          const { conversationId, ids } = await arrange(client, agents);
          const manager = transactionManager(client);
          const [locked] = await assignments.lockQueuedConversations(manager, [conversationId]);
          const { pools, agents: read } = await candidatePools.readPools(manager, [
            { requirements, limit: null },
            { requirements, limit: HEAD },
          ]);
          const fromSql = pools[0].agentIds.filter((id) => !locked.excludedAgentIds.includes(id)).map((id) => read.get(id)!);
          const snapshots = agents.map((a, i) => snapshotOf(ids[i], a));
          const eligible = snapshots.filter((snapshot) => evaluateEligibility(snapshot, requirements).eligible);
          const ranked = rankCandidates(requirements.strategy, eligible.map(toRankedCandidate)).ordered;
          expect(rankCandidates(requirements.strategy, fromSql).ordered.map((c) => c.agentId)).toEqual(ranked.map((c) => c.agentId));

          const eligibleApartFromExclusions = snapshots.filter((snapshot) => evaluateEligibility({ ...snapshot, excluded: false }, requirements).eligible);
          const head = rankCandidates(requirements.strategy, eligibleApartFromExclusions.map(toRankedCandidate)).ordered.slice(0, HEAD);
          expect(new Set(pools[1].agentIds)).toEqual(new Set(head.map((c) => c.agentId)));
          expect(pools[1].complete).toBe(eligibleApartFromExclusions.length < HEAD);
        });
      }),
      { numRuns: RUNS },
    );
  });

  it(`serving a set of agents reads the oldest waiting conversations one of them may take, up to their free slots (${RUNS} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(
        // Half the agents on duty, so that free slots and fitting agents meet often.
        fc.array(fc.record({ agent: fc.oneof(agentArb, agentArb.map(onDuty)), serving: fc.boolean() }), { minLength: 1, maxLength: 8 }),
        fc.array(requirementsArb, { minLength: 1, maxLength: 6 }),
        async (roster, stored) => {
          await inRolledBackTransaction(async (client) => {
            const agents = roster.map(({ agent }) => agent);
            const { conversationId, ids } = await arrange(client, agents);
            const waitingIds = await arrangeWaiting(client, conversationId, stored);
            const dataSource = { query: async (sql: string, params: unknown[]) => (await client.query(sql, params)).rows } as unknown as DataSource;
            const servingIds = ids.filter((_, i) => roster[i].serving);

            const serving = agents.flatMap((a, i) => (roster[i].serving ? [snapshotOf(ids[i], a)] : []));
            // Only the first conversation carries the roster's exclusions.
            const mayTake = (index: number) =>
              serving.some((snapshot) => evaluateEligibility({ ...snapshot, excluded: index === 0 && snapshot.excluded }, stored[index]).eligible);
            const freeSlots = serving
              .filter((snapshot) => evaluateEligibility({ ...snapshot, excluded: false }, ANYONE).eligible)
              .reduce((sum, snapshot) => sum + snapshot.maxConcurrent - snapshot.load, 0);
            const expected = waitingIds.filter((_, index) => mayTake(index)).slice(0, freeSlots);

            const waiting = new WaitingWorkRepository(dataSource);
            const free = await waiting.freeSlots(servingIds);
            expect(free).toBe(freeSlots);
            expect(await waiting.conversationsFor(servingIds, free)).toEqual(expected);
          });
        },
      ),
      { numRuns: RUNS },
    );
  });
});
