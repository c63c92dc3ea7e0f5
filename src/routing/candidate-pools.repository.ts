import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AGENT_ON_DUTY, agentFitsConversation, CANDIDATE_ORDER, RequirementSources } from './candidate-query';
import { CandidatePool, RankedCandidate, Requirements, Strategy, STRATEGIES } from './engine';

/** A set of requirements whose candidates are read once, and how many of the best to read (null: all). */
export interface PoolRequest {
  requirements: Pick<Requirements, 'languages' | 'minLanguageLevel' | 'requiredSkills' | 'agentKinds' | 'strategy'>;
  limit: number | null;
}

export interface CandidatePools {
  /** in the order of the requests */
  pools: CandidatePool[];
  /** every agent read, as read */
  agents: Map<string, RankedCandidate>;
}

/** The requirements of the pool request `g`, unpacked from the statement's jsonb parameter. */
const POOL_REQUIREMENTS: RequirementSources = {
  conversationId: 'NULL',
  languages: 'g.languages',
  minLanguageLevel: 'g.min_level',
  requiredSkills: 'g.skills',
  agentKinds: 'g.kinds',
};

/** The candidates of every pool request of one strategy, best first, each cut at its limit. */
function poolsOfStrategy(strategy: Strategy): string {
  return `
  SELECT g.ord AS pool, c.* FROM pool_requests g CROSS JOIN LATERAL (
    SELECT a.user_id AS "agentId", a.open_count AS load, a.max_concurrent AS "maxConcurrent", a.last_assigned_at AS "lastAssignedAt"
      FROM agents a JOIN users u ON u.id = a.user_id
     WHERE a.presence = 'available' AND a.open_count < a.max_concurrent
       AND ${AGENT_ON_DUTY} AND ${agentFitsConversation(POOL_REQUIREMENTS, { ignoreExclusions: true })}
     ORDER BY ${CANDIDATE_ORDER[strategy]}
     LIMIT g.lim) c
   WHERE g.strategy = '${strategy}'`;
}

/** Reads the candidates of a routing batch in one statement (the claim plan ranks them in turn). */
@Injectable()
export class CandidatePoolsRepository {
  /**
   * Agents with room and on duty that fit each request, in its strategy's order. Exclusions are the
   * conversation's own and are left to the plan: one read serves every conversation of a request.
   * Planned on every call: a generic plan cannot see which requirements are empty.
   */
  async readPools(manager: EntityManager, requests: PoolRequest[]): Promise<CandidatePools> {
    const pools: CandidatePool[] = requests.map(() => ({ agentIds: [], complete: true }));
    const agents = new Map<string, RankedCandidate>();
    if (requests.length === 0) return { pools, agents };
    const strategies = STRATEGIES.filter((strategy) => requests.some((request) => request.requirements.strategy === strategy));
    const rows: (Omit<RankedCandidate, 'lastAssignedAt'> & { pool: number; lastAssignedAt: Date | null })[] = await manager.query(
      `WITH pool_requests AS (
         SELECT g.ord::int - 1 AS ord, g.req->>'strategy' AS strategy, (g.req->>'limit')::int AS lim,
                CASE WHEN jsonb_typeof(g.req->'languages') = 'array'
                     THEN ARRAY(SELECT jsonb_array_elements_text(g.req->'languages')) END AS languages,
                (g.req->>'minLanguageLevel')::int AS min_level, g.req->'requiredSkills' AS skills,
                ARRAY(SELECT jsonb_array_elements_text(g.req->'agentKinds')) AS kinds
           FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS g(req, ord)
       )
       ${strategies.map(poolsOfStrategy).join('\nUNION ALL')}`,
      [JSON.stringify(requests.map(({ requirements, limit }) => ({ ...requirements, limit })))],
    );
    for (const { pool, ...agent } of rows) {
      pools[pool].agentIds.push(agent.agentId);
      agents.set(agent.agentId, { ...agent, lastAssignedAt: agent.lastAssignedAt?.toISOString() ?? null });
    }
    requests.forEach((request, index) => {
      pools[index].complete = request.limit === null || pools[index].agentIds.length < request.limit;
    });
    return { pools, agents };
  }
}
