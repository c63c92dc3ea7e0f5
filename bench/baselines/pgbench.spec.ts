import { ASSIGNMENT_NOTIFY_SCRIPT, ASSIGNMENT_SCRIPT, parsePgbenchOutput } from './pgbench';

const OUTPUT = `pgbench (15.20 (Debian 15.20-0+deb12u1))
transaction type: /tmp/surgeline-pgbench-x/assignment.sql
scaling factor: 1
query mode: prepared
number of clients: 8
number of threads: 2
maximum number of tries: 1
duration: 10 s
number of transactions actually processed: 18856
number of failed transactions: 0 (0.000%)
latency average = 4.243 ms
initial connection time = 10.606 ms
tps = 1885.612345 (without initial connection time)
`;

describe('pgbench baseline', () => {
  it('reads transactions, average latency and tps from the summary', () => {
    expect(parsePgbenchOutput(OUTPUT)).toEqual({ transactions: 18856, latencyAverageMs: 4.243, tps: 1885.6 });
  });

  it('fails loudly when the summary is not there', () => {
    expect(() => parsePgbenchOutput('pgbench: error: connection refused')).toThrow('number of transactions actually processed');
  });

  it('runs one transaction that rebalances, picks with SKIP LOCKED and records the assignment', () => {
    const statements = ASSIGNMENT_SCRIPT.split('\n').filter((line) => line && !line.startsWith('\\set'));
    expect(statements[0]).toBe('BEGIN;');
    expect(statements[1]).toMatch(/^UPDATE bench_pg_agents SET load = load - 1/);
    expect(statements[2]).toMatch(/ORDER BY load LIMIT 1 FOR UPDATE SKIP LOCKED.*\\gset$/);
    expect(statements[3]).toMatch(/^UPDATE bench_pg_agents SET load = load \+ 1/);
    expect(statements[4]).toMatch(/^INSERT INTO bench_pg_assignments/);
    expect(statements[5]).toBe('END;');
  });

  it('notifies inside the same transaction in the notify variant, nothing else changed', () => {
    expect(ASSIGNMENT_NOTIFY_SCRIPT).toContain("SELECT pg_notify('bench_pg_events', :picked::text);\nEND;");
    expect(ASSIGNMENT_NOTIFY_SCRIPT.replace(/SELECT pg_notify.*\n/, '')).toBe(ASSIGNMENT_SCRIPT);
  });
});
