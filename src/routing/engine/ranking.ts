import { AgentSnapshot, RankedCandidate, RankingResult, Strategy } from './engine.types';

type Compare = (a: RankedCandidate, b: RankedCandidate) => number;

/**
 * Orders eligible candidates best first and says why the first was chosen. The repository tries
 * them in this order, so a lost claim falls through to the next best.
 */
export function rankCandidates(
  strategy: Strategy,
  candidates: RankedCandidate[],
  turn: { lastAgentId: string | null } = { lastAgentId: null },
): RankingResult {
  if (candidates.length === 0) return { ordered: [], reason: 'no eligible agent' };
  switch (strategy) {
    case 'least_loaded':
      return explain([...candidates].sort(byLoadThenIdle), (c) => `least loaded: ${describeLoad(c)}, ${describeIdle(c)}`);
    case 'longest_idle':
      return explain([...candidates].sort(byIdle), (c) => `longest idle: ${describeIdle(c)}`);
    case 'round_robin':
      return roundRobin(candidates, turn.lastAgentId);
  }
}

/** The candidate a snapshot turns into; ISO time so decisions store it as given. */
export function toRankedCandidate(agent: AgentSnapshot): RankedCandidate {
  return {
    agentId: agent.id,
    load: agent.load,
    maxConcurrent: agent.maxConcurrent,
    lastAssignedAt: agent.lastAssignedAt ? agent.lastAssignedAt.toISOString() : null,
  };
}

function explain(ordered: RankedCandidate[], why: (c: RankedCandidate) => string): RankingResult {
  return { ordered, reason: why(ordered[0]) };
}

function roundRobin(candidates: RankedCandidate[], lastAgentId: string | null): RankingResult {
  const byIdOrder = [...candidates].sort(byId);
  const start = lastAgentId === null ? -1 : byIdOrder.findIndex((c) => c.agentId > lastAgentId);
  const ordered = start <= 0 ? byIdOrder : [...byIdOrder.slice(start), ...byIdOrder.slice(0, start)];
  let reason: string;
  if (lastAgentId === null) reason = 'round robin: first in turn, no previous agent';
  else if (start === -1) reason = `round robin: wrapped around after ${lastAgentId}`;
  else reason = `round robin: next after ${lastAgentId}`;
  return { ordered, reason };
}

// Cross-multiplied so equal ratios (1/3 and 2/6) tie exactly; maxConcurrent is at least 1.
const byLoad: Compare = (a, b) => a.load * b.maxConcurrent - b.load * a.maxConcurrent;

const byId: Compare = (a, b) => (a.agentId < b.agentId ? -1 : a.agentId > b.agentId ? 1 : 0);

/** Oldest last assignment first; never assigned counts as oldest of all. */
const byIdle: Compare = (a, b) => compareNumbers(idleKey(a), idleKey(b)) || byId(a, b);

const byLoadThenIdle: Compare = (a, b) => byLoad(a, b) || byIdle(a, b);

function compareNumbers(x: number, y: number): number {
  return x < y ? -1 : x > y ? 1 : 0;
}

function idleKey(c: RankedCandidate): number {
  return c.lastAssignedAt === null ? Number.NEGATIVE_INFINITY : Date.parse(c.lastAssignedAt);
}

function describeLoad(c: RankedCandidate): string {
  const ratio = c.maxConcurrent > 0 ? c.load / c.maxConcurrent : 1;
  return `${c.load}/${c.maxConcurrent} open (${ratio.toFixed(2)})`;
}

function describeIdle(c: RankedCandidate): string {
  return c.lastAssignedAt === null ? 'never assigned' : `idle since ${new Date(c.lastAssignedAt).toISOString()}`;
}
