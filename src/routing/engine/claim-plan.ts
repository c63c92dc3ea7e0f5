import { RankedCandidate, Strategy } from './engine.types';
import { rankCandidates } from './ranking';

/** How many ranked candidates a decision records, and how many untouched ones a cut pool must keep (see planClaims). */
export const RECORDED_CANDIDATES = 10;

/**
 * How many of the best agents to read for the conversations of a batch that share requirements:
 * enough that RECORDED_CANDIDATES stay untouched while the batch takes from the head, past the
 * agents those conversations exclude.
 */
export function poolReadLimit(conversations: number, exclusions: number): number {
  return 2 * RECORDED_CANDIDATES + conversations + exclusions;
}

/** Agents with room that fit one set of requirements, read once for every conversation of a batch that has them. */
export interface CandidatePool {
  /** the head of the strategy's order (the plan ranks them itself, so their order here does not matter) */
  agentIds: string[];
  /** false when the read stopped at its limit: agents beyond it rank after every agent read */
  complete: boolean;
}

/** One conversation of the batch, in the order decisions are made (highest priority, then oldest). */
export interface ClaimRequest {
  conversationId: string;
  strategy: Strategy;
  pool: CandidatePool;
  /** agents this conversation may not go to (a transfer's, or an unresponsive agent's, exclusion) */
  excludedAgentIds: string[];
  /** the round-robin turn it takes, shared by the conversations of one rule; null for the other strategies */
  turnKey: string | null;
}

export type PlannedClaim =
  | {
      kind: 'assign';
      /** the ranking at this point of the batch, best first, as the decision records it */
      candidates: RankedCandidate[];
      reason: string;
      chosen: RankedCandidate;
      /** the chosen agent's open count as read, which the claim checks is still current */
      loadAsRead: number;
    }
  /** no agent that fits has room */
  | { kind: 'waiting' }
  /** the pool read may no longer hold the best agent (the batch used up its head): decide it again */
  | { kind: 'again' };

/**
 * Decides a batch of conversations one after another as if each claim had committed before the next
 * decision, over agents read once: every assignment raises the chosen agent's load and makes it the
 * most recently assigned, and moves its rule's round-robin turn, exactly as re-reading the candidates
 * would show. The engine's own ranking orders each decision, so it chooses the agent a decision made
 * alone would choose (src/routing/engine/claim-plan.spec.ts compares the two over random rosters).
 *
 * A pool cut at its limit holds only the head of the strategy's order. Agents beyond it rank after
 * every agent read, and an agent's rank only worsens as it takes work; so while RECORDED_CANDIDATES
 * agents of the pool this conversation may take are untouched by the batch, its whole recorded
 * ranking lies within the pool. Otherwise it is decided again on a fresh read.
 */
export function planClaims(
  requests: ClaimRequest[],
  agentsAsRead: ReadonlyMap<string, RankedCandidate>,
  turns: Map<string, string | null>,
  now: Date,
): PlannedClaim[] {
  const agents = new Map(agentsAsRead);
  const touched = new Set<string>();
  return requests.map((request) => {
    const excluded = new Set(request.excludedAgentIds);
    const withRoom = request.pool.agentIds
      .filter((agentId) => !excluded.has(agentId))
      .map((agentId) => agents.get(agentId)!)
      .filter((agent) => agent.load < agent.maxConcurrent);
    if (!request.pool.complete && withRoom.filter((agent) => !touched.has(agent.agentId)).length < RECORDED_CANDIDATES) {
      return { kind: 'again' };
    }
    if (withRoom.length === 0) return { kind: 'waiting' };

    const lastAgentId = request.turnKey === null ? null : (turns.get(request.turnKey) ?? null);
    const ranking = rankCandidates(request.strategy, withRoom, { lastAgentId });
    const chosen = ranking.ordered[0];
    agents.set(chosen.agentId, { ...chosen, load: chosen.load + 1, lastAssignedAt: now.toISOString() });
    touched.add(chosen.agentId);
    if (request.turnKey !== null) turns.set(request.turnKey, chosen.agentId);
    return {
      kind: 'assign',
      candidates: ranking.ordered.slice(0, RECORDED_CANDIDATES),
      reason: ranking.reason,
      chosen,
      loadAsRead: agentsAsRead.get(chosen.agentId)!.load,
    };
  });
}
