import fc from 'fast-check';
import { PoolClient } from 'pg';
import { DataSource } from 'typeorm';
import { AssignmentRepository } from '../../src/routing/assignment.repository';
import { AgentSnapshot, evaluateEligibility, Requirements } from '../../src/routing/engine';
import { waitingReason } from '../../src/routing/engine/requirements-description';
import { UnroutableWorkRepository } from '../../src/routing/unroutable/unroutable-work.repository';
import { WaitingDecision, WaitingDecisionsRepository } from '../../src/routing/waiting-decisions.repository';
import { agentArb, arrange, arrangeWaiting, GeneratedAgent, newerConversations, onDuty, requirementsArb, snapshotOf, transactionManager, useRolledBackTransactions } from './random-roster';

/**
 * Waiting work is judged against the roster once per set of requirements (a burst leaves hundreds
 * waiting alike), yet each conversation must be judged as the engine's eligibility says of its own
 * requirements and exclusions: the reason its waiting decision records, and whether the unroutable
 * pass finds it stuck. Random rosters are written to a real Postgres inside a transaction that is
 * rolled back.
 */

const RUNS = Number(process.env.ELIGIBILITY_RUNS ?? 150);

/**
 * The requirements of each conversation of a batch (one to six), drawn from a set and four sets that
 * differ from it in one field each, so that a batch holds alike and nearly alike ones.
 */
const batchArb: fc.Arbitrary<Requirements[]> = fc
  .tuple(requirementsArb, requirementsArb, fc.array(fc.nat(4), { minLength: 1, maxLength: 6 }))
  .map(([base, other, picks]) => {
    const alike = [
      base,
      { ...base, languages: other.languages },
      { ...base, minLanguageLevel: other.minLanguageLevel },
      { ...base, requiredSkills: other.requiredSkills },
      { ...base, agentKinds: other.agentKinds },
    ];
    return picks.map((pick) => alike[pick]);
  });

/** Rosters of one to eight agents, half of them on duty. */
const rosterArb = fc.array(fc.oneof(agentArb, agentArb.map(onDuty)), { minLength: 1, maxLength: 8 });

/** surge-desk.md's roster: active, and signed in or holding a claimed shift that starts within 2 hours; a volunteer only in an active surge. */
const onRoster = (a: GeneratedAgent) =>
  a.status === 'active' && (a.presence !== 'offline' || (a.shift !== null && a.shift[0] <= 120 && a.shift[1] > 0)) && (a.kind === 'staff' || a.surgeIncident);

/** The agent meets the requirements (kind, language, skills, not excluded) whatever its presence, shift or load. */
const fits = (snapshot: AgentSnapshot, requirements: Requirements) =>
  evaluateEligibility({ ...snapshot, status: 'active', presence: 'available', signedIn: true, surgeActive: true, inShift: true, load: 0 }, requirements)
    .eligible;

describe('who on the roster fits waiting work', () => {
  const inRolledBackTransaction = useRolledBackTransactions();
  const assignments = new AssignmentRepository();
  const waitingDecisions = new WaitingDecisionsRepository();
  const unroutable = new UnroutableWorkRepository(null as unknown as DataSource);

  /** Checks a property over random rosters and batches, each case in a transaction rolled back after it. */
  const forRostersAndBatches = (check: (client: PoolClient, agents: GeneratedAgent[], batch: Requirements[]) => Promise<void>) =>
    fc.assert(
      fc.asyncProperty(rosterArb, batchArb, (agents, batch) => inRolledBackTransaction((client) => check(client, agents, batch))),
      { numRuns: RUNS },
    );

  it(`a batch of waiting decisions records, for each conversation, how many agents fit it on duty and on the roster (${RUNS} runs)`, async () => {
    await forRostersAndBatches(async (client, agents, batch) => {
      const manager = transactionManager(client);
      const { conversationId, ids } = await arrange(client, agents);
      // Only the arranged conversation carries the roster's exclusions.
      const conversationIds = [conversationId, ...(await newerConversations(client, batch.length - 1))];
      const [locked] = await assignments.lockQueuedConversations(manager, [conversationId]);
      const decisions: WaitingDecision[] = batch.map((requirements, index) => ({
        conversationId: conversationIds[index],
        excludedAgentIds: index === 0 ? locked.excludedAgentIds : [],
        rule: { id: null, name: 'default', version: 1 },
        requirements,
        nextEscalationAt: null,
      }));

      await waitingDecisions.markWaiting(manager, decisions);
      await waitingDecisions.markWaiting(manager, decisions);

      const snapshots = agents.map((a, i) => snapshotOf(ids[i], a));
      const expected = decisions.map(({ conversationId: id, requirements }, index) => {
        const fitting = snapshots
          .map((snapshot) => ({ ...snapshot, excluded: index === 0 && snapshot.excluded }))
          .filter((snapshot) => fits(snapshot, requirements));
        const onDutyCount = fitting.filter((snapshot) => evaluateEligibility({ ...snapshot, load: 0 }, requirements).eligible).length;
        const onRosterCount = fitting.filter((snapshot) => onRoster(agents[ids.indexOf(snapshot.id)])).length;
        return { id, reason: waitingReason({ onDuty: onDutyCount, onRoster: onRosterCount }, requirements) };
      });
      const recorded = await client.query<{ id: string; reason: string }>(
        `SELECT conversation_id AS id, reason FROM routing_decisions WHERE outcome = 'waiting' AND conversation_id = ANY($1::uuid[])`,
        [conversationIds],
      );
      expect(new Set(recorded.rows.map((row) => JSON.stringify(row)))).toEqual(new Set(expected.map((row) => JSON.stringify(row))));
      // Deciding them again unchanged recorded nothing more.
      expect(recorded.rows).toHaveLength(decisions.length);

      const stored = await client.query<{ id: string; awaiting: boolean; languages: string[] | null; skills: unknown; kinds: string[] }>(
        `SELECT id, awaiting_agent AS awaiting, req_languages AS languages, req_skills AS skills, req_agent_kinds AS kinds
           FROM conversations WHERE id = ANY($1::uuid[])`,
        [conversationIds],
      );
      const byId = new Map(stored.rows.map((row) => [row.id, row]));
      for (const { conversationId: id, requirements } of decisions) {
        expect(byId.get(id)).toEqual({ id, awaiting: true, languages: requirements.languages, skills: requirements.requiredSkills, kinds: requirements.agentKinds });
      }
    });
  });

  it(`the unroutable pass finds stuck exactly the waiting conversations no agent on the roster fits (${RUNS} runs)`, async () => {
    await forRostersAndBatches(async (client, agents, batch) => {
      const { conversationId, ids } = await arrange(client, agents);
      const waitingIds = await arrangeWaiting(client, conversationId, batch);

      const snapshots = agents.map((a, i) => snapshotOf(ids[i], a));
      // Only the arranged conversation carries the roster's exclusions.
      const expected = waitingIds.filter(
        (_, index) =>
          !snapshots.some((snapshot, i) => onRoster(agents[i]) && fits({ ...snapshot, excluded: index === 0 && snapshot.excluded }, batch[index])),
      );
      const stuck = await unroutable.findStuck(transactionManager(client));
      expect(stuck.map((gap) => gap.conversationId).sort()).toEqual([...expected].sort());
      for (const gap of stuck) {
        const index = waitingIds.indexOf(gap.conversationId);
        const fitsApartFromExclusions = snapshots.some((snapshot, i) => onRoster(agents[i]) && fits({ ...snapshot, excluded: false }, batch[index]));
        expect(gap.onlyExcludedFit).toBe(fitsApartFromExclusions);
      }
    });
  });
});
