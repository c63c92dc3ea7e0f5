import { SetBasedCycleRun } from '../result';
import { bestCycleRate, setBasedCycleScript } from './set-based-cycle';

const statements = (script: string) =>
  script
    .split(/;\n/)
    .map((statement) => statement.trim())
    .filter(Boolean);

describe('set-based full cycle baseline', () => {
  const script = setBasedCycleScript(100);

  it('runs intake, assignment and resolve as one statement each inside one transaction', () => {
    const [begin, intake, assign, resolve, end, ...rest] = statements(script);
    expect([begin, end, rest]).toEqual(['BEGIN', 'END', []]);
    expect(intake).toMatch(/^WITH received AS \(\s*INSERT INTO bench_pg_cycle_conversations .*generate_series\(1, 100\)/s);
    expect(assign).toMatch(/^WITH queued AS MATERIALIZED/);
    expect(resolve).toMatch(/^WITH done AS MATERIALIZED/);
  });

  it('writes decision, assignment, conversation, load and an event in the assigning statement', () => {
    const assign = statements(script)[2];
    for (const write of [
      'INSERT INTO bench_pg_cycle_decisions',
      'INSERT INTO bench_pg_cycle_assignments',
      "UPDATE bench_pg_cycle_conversations c SET status = 'assigned'",
      'UPDATE bench_pg_cycle_agents a SET load = a.load + m.n',
      "INSERT INTO bench_pg_cycle_events (type, conversation_id) SELECT 'conversation.assigned'",
    ]) {
      expect(assign).toContain(write);
    }
    expect(assign).toContain('ORDER BY level, f.id'); // least-loaded first
  });

  it('never waits for a lock: every row lock skips what another client holds', () => {
    const locks = script.match(/FOR UPDATE[^)]*/g) ?? [];
    expect(locks).toHaveLength(3);
    for (const lock of locks) expect(lock).toMatch(/SKIP LOCKED\s*$/);
  });

  it('takes the batch size it is given', () => {
    expect(setBasedCycleScript(7)).toContain('generate_series(1, 7)');
    expect(setBasedCycleScript(7).match(/LIMIT 7 /g)).toHaveLength(2);
  });

  it('takes the best run by conversations resolved per second as the ceiling', () => {
    const run = (clients: number, conversationsPerSecond: number): SetBasedCycleRun => ({
      clients,
      seconds: 10,
      transactions: 1,
      tps: 1,
      latencyAverageMs: 1,
      conversations: conversationsPerSecond * 10,
      conversationsPerSecond,
    });
    expect(bestCycleRate([run(1, 4500), run(2, 2900)])).toBe(4500);
    expect(bestCycleRate([])).toBe(0);
  });
});
