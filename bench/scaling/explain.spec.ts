import { parseExplain } from './explain';

const PLAN = [
  'Limit  (cost=0.28..25.31 rows=10 width=36) (actual time=0.061..0.130 rows=10 loops=1)',
  '  Buffers: shared hit=64 read=3',
  '  ->  Nested Loop  (cost=0.28..2503.47 rows=1000 width=36) (actual time=0.060..0.127 rows=10 loops=1)',
  '        Buffers: shared hit=60',
  'Planning:',
  '  Buffers: shared hit=120',
  'Planning Time: 0.412 ms',
  'Execution Time: 0.171 ms',
];

describe('EXPLAIN (ANALYZE, BUFFERS) capture', () => {
  it('reads the times and the top node buffers, keeping the plan', () => {
    expect(parseExplain(PLAN)).toEqual({ executionMs: 0.171, planningMs: 0.412, sharedHitBlocks: 64, sharedReadBlocks: 3, plan: PLAN });
  });

  it('counts no read blocks when everything was cached', () => {
    const cached = PLAN.map((line) => line.replace(' read=3', ''));
    expect(parseExplain(cached)).toMatchObject({ sharedHitBlocks: 64, sharedReadBlocks: 0 });
  });

  it('refuses output that is not EXPLAIN ANALYZE', () => {
    expect(() => parseExplain(['Limit  (cost=0.28..25.31 rows=10 width=36)'])).toThrow('not an EXPLAIN ANALYZE output');
  });
});
