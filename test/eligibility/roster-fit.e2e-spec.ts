import fc from 'fast-check';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { AssignmentRepository } from '../../src/routing/assignment.repository';
import { AgentSnapshot, evaluateEligibility, Requirements } from '../../src/routing/engine';
import { waitingReason } from '../../src/routing/engine/requirements-description';
import { UnroutableWorkRepository } from '../../src/routing/unroutable/unroutable-work.repository';
import { WaitingDecision, WaitingDecisionsRepository } from '../../src/routing/waiting-decisions.repository';
import { provisionTestEnvironment, TestEnvironment } from '../support/test-app';
import { agentArb, arrange, arrangeWaiting, GeneratedAgent, newerConversations, onDuty, requirementsArb, snapshotOf, transactionManager } from './random-roster';

/**
 * Waiting work is judged against the roster once per set of requirements (a burst leaves hundreds
 * waiting alike), yet each conversation must be judged as the engine's eligibility says of its own
 * requirements and exclusions: the reason its waiting decision records, and whether the unroutable
 * pass finds it stuck. Random rosters are written to a real Postgres inside a transaction that is
 * rolled back.
 */

const RUNS = Number(process.env.ELIGIBILITY_RUNS ?? 150);

/** Sets of requirements that differ from the first in one field each, so that a batch holds alike and nearly alike ones. */
const alikeRequirementsArb: fc.Arbitrary<Requirements[]> = fc
  .tuple(requirementsArb, requirementsArb)
  .map(([base, other]) => [
    base,
    { ...base, languages: other.languages },
    { ...base, minLanguageLevel: other.minLanguageLevel },
    { ...base, requiredSkills: other.requiredSkills },
    { ...base, agentKinds: other.agentKinds },
  ]);

/** surge-desk.md's roster: active, and signed in or holding a claimed shift that starts within 2 hours; a volunteer only in an active surge. */
const onRoster = (a: GeneratedAgent) =>
  a.status === 'active' && (a.presence !== 'offline' || (a.shift !== null && a.shift[0] <= 120 && a.shift[1] > 0)) && (a.kind === 'staff' || a.surgeIncident);

/** The agent meets the requirements (kind, language, skills, not excluded) whatever its presence, shift or load. */
const fits = (snapshot: AgentSnapshot, requirements: Requirements) =>
  evaluateEligibility({ ...snapshot, status: 'active', presence: 'available', signedIn: true, surgeActive: true, inShift: true, load: 0 }, requirements)
    .eligible;

describe('who on the roster fits waiting work', () => {
  let environment: TestEnvironment;
  let pool: Pool;
  const assignments = new AssignmentRepository();
  const waitingDecisions = new WaitingDecisionsRepository();
  const unroutable = new UnroutableWorkRepository(null as unknown as DataSource);

  beforeAll(async () => {
    environment = await provisionTestEnvironment();
    pool = new Pool({ connectionString: environment.env.DATABASE_URL, max: 1 });
  });

  afterAll(async () => {
    await pool.end();
    await environment.dispose();
  });

  it(`a batch of waiting decisions records, for each conversation, how many agents fit it on duty and on the roster (${RUNS} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(agentArb, agentArb.map(onDuty)), { minLength: 1, maxLength: 8 }),
        alikeRequirementsArb,
        fc.array(fc.nat(), { minLength: 1, maxLength: 6 }),
        async (agents, requirementSets, picks) => {
          const client = await pool.connect();
          try {
            await client.query('BEGIN');
            const manager = transactionManager(client);
            const { conversationId, ids } = await arrange(client, agents);
            // Only the arranged conversation carries the roster's exclusions.
            const conversationIds = [conversationId, ...(await newerConversations(client, picks.length - 1))];
            const [locked] = await assignments.lockQueuedConversations(manager, [conversationId]);
            const decisions: WaitingDecision[] = picks.map((pick, index) => ({
              conversationId: conversationIds[index],
              excludedAgentIds: index === 0 ? locked.excludedAgentIds : [],
              rule: { id: null, name: 'default', version: 1 },
              requirements: requirementSets[pick % requirementSets.length],
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
          } finally {
            await client.query('ROLLBACK');
            client.release();
          }
        },
      ),
      { numRuns: RUNS },
    );
  });

  it(`the unroutable pass finds stuck exactly the waiting conversations no agent on the roster fits (${RUNS} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(agentArb, agentArb.map(onDuty)), { minLength: 1, maxLength: 8 }),
        alikeRequirementsArb,
        fc.array(fc.nat(), { minLength: 1, maxLength: 6 }),
        async (agents, requirementSets, picks) => {
          const client = await pool.connect();
          try {
            await client.query('BEGIN');
            const { conversationId, ids } = await arrange(client, agents);
            const stored = picks.map((pick) => requirementSets[pick % requirementSets.length]);
            const waitingIds = await arrangeWaiting(client, conversationId, stored);

            const snapshots = agents.map((a, i) => snapshotOf(ids[i], a));
            // Only the arranged conversation carries the roster's exclusions.
            const expected = waitingIds.filter(
              (_, index) =>
                !snapshots.some((snapshot, i) => onRoster(agents[i]) && fits({ ...snapshot, excluded: index === 0 && snapshot.excluded }, stored[index])),
            );
            const stuck = await unroutable.findStuck(transactionManager(client));
            expect(stuck.map((gap) => gap.conversationId).sort()).toEqual([...expected].sort());
            for (const gap of stuck) {
              const index = waitingIds.indexOf(gap.conversationId);
              const fitsApartFromExclusions = snapshots.some((snapshot, i) => onRoster(agents[i]) && fits({ ...snapshot, excluded: false }, stored[index]));
              expect(gap.onlyExcludedFit).toBe(fitsApartFromExclusions);
            }
          } finally {
            await client.query('ROLLBACK');
            client.release();
          }
        },
      ),
      { numRuns: RUNS },
    );
  });
});
