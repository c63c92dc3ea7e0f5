import { AgentSnapshot, RankedCandidate, Strategy } from './engine.types';
import { rankCandidates, toRankedCandidate } from './ranking';

const candidate = (agentId: string, load: number, maxConcurrent: number, lastAssignedAt: string | null): RankedCandidate => ({
  agentId,
  load,
  maxConcurrent,
  lastAssignedAt,
});

const T9 = '2026-11-22T09:00:00.000Z';
const T10 = '2026-11-22T10:00:00.000Z';
const T11 = '2026-11-22T11:00:00.000Z';

const ids = (result: { ordered: RankedCandidate[] }) => result.ordered.map((c) => c.agentId);

describe('rankCandidates least_loaded', () => {
  it.each<[string, RankedCandidate[], string[], string]>([
    [
      'lowest ratio wins, not lowest count',
      [candidate('a', 1, 2, T9), candidate('b', 2, 10, T11), candidate('c', 0, 1, T11)],
      ['c', 'b', 'a'],
      'least loaded: 0/1 open (0.00), idle since 2026-11-22T11:00:00.000Z',
    ],
    [
      'equal ratios tie exactly (1/3 = 2/6) → idle longest',
      [candidate('a', 2, 6, T10), candidate('b', 1, 3, T9)],
      ['b', 'a'],
      'least loaded: 1/3 open (0.33), idle since 2026-11-22T09:00:00.000Z',
    ],
    [
      'tie → never assigned beats any time',
      [candidate('a', 1, 5, T9), candidate('b', 1, 5, null)],
      ['b', 'a'],
      'least loaded: 1/5 open (0.20), never assigned',
    ],
    [
      'tie on load and time → id',
      [candidate('b', 1, 5, T10), candidate('a', 1, 5, T10), candidate('c', 1, 5, T10)],
      ['a', 'b', 'c'],
      'least loaded: 1/5 open (0.20), idle since 2026-11-22T10:00:00.000Z',
    ],
    [
      'tie on load, both never assigned → id',
      [candidate('b', 0, 3, null), candidate('a', 0, 3, null)],
      ['a', 'b'],
      'least loaded: 0/3 open (0.00), never assigned',
    ],
    [
      'time compared as instants, not strings',
      [candidate('a', 1, 5, '2026-11-22T10:30:00+02:00'), candidate('b', 1, 5, T9)],
      ['a', 'b'],
      'least loaded: 1/5 open (0.20), idle since 2026-11-22T08:30:00.000Z',
    ],
    ['a single candidate', [candidate('a', 4, 5, T10)], ['a'], 'least loaded: 4/5 open (0.80), idle since 2026-11-22T10:00:00.000Z'],
  ])('%s', (_label, candidates, order, reason) => {
    const result = rankCandidates('least_loaded', candidates);
    expect(ids(result)).toEqual(order);
    expect(result.reason).toBe(reason);
  });
});

describe('rankCandidates longest_idle', () => {
  it.each<[string, RankedCandidate[], string[], string]>([
    [
      'oldest last assignment first, load ignored',
      [candidate('a', 0, 5, T11), candidate('b', 4, 5, T9), candidate('c', 1, 5, T10)],
      ['b', 'c', 'a'],
      'longest idle: idle since 2026-11-22T09:00:00.000Z',
    ],
    [
      'never assigned first',
      [candidate('a', 0, 5, T9), candidate('b', 4, 5, null)],
      ['b', 'a'],
      'longest idle: never assigned',
    ],
    [
      'tie → id',
      [candidate('b', 0, 5, T9), candidate('a', 3, 5, T9), candidate('d', 0, 5, null), candidate('c', 0, 5, null)],
      ['c', 'd', 'a', 'b'],
      'longest idle: never assigned',
    ],
  ])('%s', (_label, candidates, order, reason) => {
    const result = rankCandidates('longest_idle', candidates);
    expect(ids(result)).toEqual(order);
    expect(result.reason).toBe(reason);
  });
});

describe('rankCandidates round_robin', () => {
  const abc = [candidate('c', 0, 5, T9), candidate('a', 4, 5, T11), candidate('b', 0, 5, null)];

  it.each<[string, string | null | undefined, string[], string]>([
    ['no turn given → smallest id', undefined, ['a', 'b', 'c'], 'round robin: first in turn, no previous agent'],
    ['no previous agent → smallest id', null, ['a', 'b', 'c'], 'round robin: first in turn, no previous agent'],
    ['after a → b', 'a', ['b', 'c', 'a'], 'round robin: next after a'],
    ['after b → c', 'b', ['c', 'a', 'b'], 'round robin: next after b'],
    ['after the largest id → wraps to a', 'c', ['a', 'b', 'c'], 'round robin: wrapped around after c'],
    ['previous agent no longer eligible → next id above it', 'bb', ['c', 'a', 'b'], 'round robin: next after bb'],
    ['previous agent below all → smallest id', '0', ['a', 'b', 'c'], 'round robin: next after 0'],
    ['previous agent above all → wraps', 'z', ['a', 'b', 'c'], 'round robin: wrapped around after z'],
  ])('%s', (_label, lastAgentId, order, reason) => {
    const result = lastAgentId === undefined ? rankCandidates('round_robin', abc) : rankCandidates('round_robin', abc, { lastAgentId });
    expect(ids(result)).toEqual(order);
    expect(result.reason).toBe(reason);
  });
});

describe('rankCandidates, common behaviour', () => {
  it.each<Strategy>(['least_loaded', 'longest_idle', 'round_robin'])('%s: no candidates → none chosen', (strategy) => {
    expect(rankCandidates(strategy, [], { lastAgentId: 'a' })).toEqual({ ordered: [], reason: 'no eligible agent' });
  });

  it.each<Strategy>(['least_loaded', 'longest_idle', 'round_robin'])('%s: leaves the input order alone', (strategy) => {
    const input = [candidate('b', 1, 5, T10), candidate('a', 0, 5, T9)];
    rankCandidates(strategy, input, { lastAgentId: 'a' });
    expect(input.map((c) => c.agentId)).toEqual(['b', 'a']);
  });
});

describe('toRankedCandidate', () => {
  const snapshot: AgentSnapshot = {
    id: 'agent-7',
    kind: 'staff',
    status: 'active',
    presence: 'available',
    surgeActive: false,
    inShift: false,
    languages: [],
    skills: [],
    load: 2,
    maxConcurrent: 4,
    lastAssignedAt: new Date(T10),
    excluded: false,
  };

  it.each<[Date | null, string | null]>([
    [new Date(T10), T10],
    [null, null],
  ])('last assigned %p → %p', (lastAssignedAt, expected) => {
    expect(toRankedCandidate({ ...snapshot, lastAssignedAt })).toEqual({
      agentId: 'agent-7',
      load: 2,
      maxConcurrent: 4,
      lastAssignedAt: expected,
    });
  });
});
