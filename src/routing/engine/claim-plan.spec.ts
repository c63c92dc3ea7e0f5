import fc from 'fast-check';
import { RankedCandidate, Strategy } from './engine.types';
import { CandidatePool, ClaimRequest, PlannedClaim, planClaims, poolReadLimit, RECORDED_CANDIDATES } from './claim-plan';
import { rankCandidates } from './ranking';

const NOW = new Date('2026-11-22T12:00:00.000Z');
const T9 = '2026-11-22T09:00:00.000Z';
const T10 = '2026-11-22T10:00:00.000Z';

const agent = (agentId: string, load: number, maxConcurrent: number, lastAssignedAt: string | null = null): RankedCandidate => ({
  agentId,
  load,
  maxConcurrent,
  lastAssignedAt,
});

const request = (conversationId: string, strategy: Strategy, pool: CandidatePool, overrides: Partial<ClaimRequest> = {}): ClaimRequest => ({
  conversationId,
  strategy,
  pool,
  excludedAgentIds: [],
  turnKey: strategy === 'round_robin' ? 'rule' : null,
  ...overrides,
});

const chosen = (plan: PlannedClaim[]) => plan.map((claim) => (claim.kind === 'assign' ? claim.chosen.agentId : claim.kind));

describe('planClaims', () => {
  it('least_loaded: each claim counts in the next decision', () => {
    const agents = new Map([agent('a', 0, 2, T9), agent('b', 0, 4, T10)].map((a) => [a.agentId, a]));
    const pool = { agentIds: ['a', 'b'], complete: true };
    const plan = planClaims(['c1', 'c2', 'c3', 'c4'].map((id) => request(id, 'least_loaded', pool)), agents, new Map(), NOW);
    // a (0/2, idle longer), then b (0/4), then b (1/4 < 1/2), then a and b tie at 1/2, both just assigned: by id
    expect(chosen(plan)).toEqual(['a', 'b', 'b', 'a']);
    expect(plan[2]).toMatchObject({ kind: 'assign', loadAsRead: 0, reason: `least loaded: 1/4 open (0.25), idle since ${NOW.toISOString()}` });
  });

  it('longest_idle: an agent just assigned goes to the back', () => {
    const agents = new Map([agent('a', 0, 5, T9), agent('b', 0, 5, T10), agent('c', 0, 5, null)].map((a) => [a.agentId, a]));
    const pool = { agentIds: ['a', 'b', 'c'], complete: true };
    expect(chosen(planClaims(['c1', 'c2', 'c3', 'c4'].map((id) => request(id, 'longest_idle', pool)), agents, new Map(), NOW))).toEqual([
      'c',
      'a',
      'b',
      'a',
    ]);
  });

  it('round_robin: the turn moves on with every claim and wraps around', () => {
    const agents = new Map([agent('a', 0, 5), agent('b', 0, 5), agent('c', 0, 5)].map((a) => [a.agentId, a]));
    const turns = new Map<string, string | null>([['rule', 'a']]);
    const pool = { agentIds: ['a', 'b', 'c'], complete: true };
    expect(chosen(planClaims(['c1', 'c2', 'c3'].map((id) => request(id, 'round_robin', pool)), agents, turns, NOW))).toEqual(['b', 'c', 'a']);
    expect(turns.get('rule')).toBe('a');
  });

  it('skips full agents and the conversation’s exclusions; waits when no agent is left', () => {
    const agents = new Map([agent('a', 0, 1), agent('b', 0, 1)].map((a) => [a.agentId, a]));
    const pool = { agentIds: ['a', 'b'], complete: true };
    const plan = planClaims(
      [request('c1', 'least_loaded', pool, { excludedAgentIds: ['a'] }), request('c2', 'least_loaded', pool), request('c3', 'least_loaded', pool)],
      agents,
      new Map(),
      NOW,
    );
    expect(chosen(plan)).toEqual(['b', 'a', 'waiting']);
  });

  it('decides again rather than trust a cut pool whose untouched agents ran short', () => {
    const ids = Array.from({ length: RECORDED_CANDIDATES }, (_, i) => `agent-${String(i).padStart(2, '0')}`);
    const agents = new Map(ids.map((id) => [id, agent(id, 0, 1)]));
    const cut = { agentIds: ids, complete: false };
    const plan = planClaims([request('c1', 'least_loaded', cut), request('c2', 'least_loaded', cut)], agents, new Map(), NOW);
    expect(chosen(plan)).toEqual(['agent-00', 'again']);
  });
});

/** A roster of a few agents, each speaking some of the languages, and conversations in those languages. */
const LANGUAGES = ['en', 'de', 'nl'];
const rosterArb = fc.array(
  fc.record({
    languages: fc.subarray(LANGUAGES, { minLength: 1 }),
    maxConcurrent: fc.integer({ min: 1, max: 3 }),
    loadShare: fc.double({ min: 0, max: 1, noNaN: true }),
    lastAssignedMinutesAgo: fc.option(fc.integer({ min: 1, max: 30 }), { nil: null }),
  }),
  { minLength: 1, maxLength: 40 },
);
const conversationsArb = fc.array(
  fc.record({ language: fc.constantFrom(...LANGUAGES), excludeFirst: fc.boolean() }),
  { minLength: 1, maxLength: 25 },
);

describe('planClaims and one decision at a time choose the same agents', () => {
  it.each<Strategy>(['least_loaded', 'longest_idle', 'round_robin'])('%s, over random rosters', (strategy) => {
    fc.assert(
      fc.property(rosterArb, conversationsArb, (roster, conversations) => {
        const agents = roster.map((a, i) => ({
          id: `agent-${String(i).padStart(2, '0')}`,
          languages: a.languages,
          candidate: agent(
            `agent-${String(i).padStart(2, '0')}`,
            Math.min(a.maxConcurrent, Math.floor(a.loadShare * (a.maxConcurrent + 1))),
            a.maxConcurrent,
            a.lastAssignedMinutesAgo === null ? null : new Date(NOW.getTime() - a.lastAssignedMinutesAgo * 60_000).toISOString(),
          ),
        }));
        const speakers = (language: string) => agents.filter((a) => a.languages.includes(language));
        const exclusionsOf = conversations.map(({ language, excludeFirst }) => (excludeFirst && speakers(language)[0] ? [speakers(language)[0].id] : []));

        // One at a time: every decision ranks all agents as they are after the claims before it.
        const state = new Map(agents.map((a) => [a.id, a.candidate]));
        let lastAgentId: string | null = null;
        const alone = conversations.map(({ language }, index) => {
          const withRoom = speakers(language)
            .map((a) => state.get(a.id)!)
            .filter((c) => c.load < c.maxConcurrent && !exclusionsOf[index].includes(c.agentId));
          if (withRoom.length === 0) return 'waiting';
          const best = rankCandidates(strategy, withRoom, { lastAgentId }).ordered[0];
          state.set(best.agentId, { ...best, load: best.load + 1, lastAssignedAt: NOW.toISOString() });
          if (strategy === 'round_robin') lastAgentId = best.agentId;
          return best.agentId;
        });

        // The batch: one pool per language, read as the pool statement does (the head of the order, or all for round robin).
        const pools = new Map(
          LANGUAGES.map((language) => {
            const ofLanguage = conversations.filter((c) => c.language === language).length;
            const exclusions = conversations.reduce((sum, c, i) => sum + (c.language === language ? exclusionsOf[i].length : 0), 0);
            const limit = strategy === 'round_robin' ? Infinity : poolReadLimit(ofLanguage, exclusions);
            const withRoom = speakers(language).map((a) => a.candidate).filter((c) => c.load < c.maxConcurrent);
            const head = rankCandidates(strategy, withRoom).ordered.slice(0, limit);
            return [language, { agentIds: head.map((c) => c.agentId), complete: head.length < limit }];
          }),
        );
        const plan = planClaims(
          conversations.map(({ language }, index) => request(`c${index}`, strategy, pools.get(language)!, { excludedAgentIds: exclusionsOf[index] })),
          new Map(agents.map((a) => [a.id, a.candidate])),
          new Map([['rule', null]]),
          NOW,
        );

        const decided = chosen(plan);
        const firstAgain = decided.indexOf('again');
        const comparable = firstAgain === -1 ? decided.length : firstAgain;
        expect(decided.slice(0, comparable)).toEqual(alone.slice(0, comparable));
      }),
      { numRuns: 300 },
    );
  });
});
