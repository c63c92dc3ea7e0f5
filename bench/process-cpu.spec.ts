import { clusterTicks, cpuPerConversation, parseProcStat, ProcStat, servesDatabase } from './process-cpu';

/** A /proc/<pid>/stat line with the given command name and times (utime stime cutime cstime). */
const statLine = (pid: number, comm: string, ppid: number, [utime, stime, cutime, cstime]: number[]) =>
  `${pid} (${comm}) S ${ppid} ${pid} ${pid} 0 -1 4194304 3943 18834 0 14 ${utime} ${stime} ${cutime} ${cstime} 20 0 1 0 4726 222445568 7418 ` +
  '18446744073709551615 94287020486656 94287025943001 140736820027680 0 0 0 0 24129536 84487 1 0 0 17 0 0 0 0 0 0';

const stat = (pid: number, ppid: number, ticks: number[]): ProcStat => parseProcStat(statLine(pid, 'postgres', ppid, ticks));

describe('CPU from /proc', () => {
  it('reads pid, command, parent and the four times of a stat line', () => {
    expect(parseProcStat(statLine(2203, 'postgres', 1, [4, 5, 44, 48]))).toEqual({
      pid: 2203,
      comm: 'postgres',
      ppid: 1,
      utime: 4,
      stime: 5,
      cutime: 44,
      cstime: 48,
    });
  });

  it('reads a command holding spaces and parentheses up to the last parenthesis', () => {
    expect(parseProcStat(statLine(77, 'tmux: server (1) ) x', 12, [7, 8, 9, 10]))).toMatchObject({
      pid: 77,
      comm: 'tmux: server (1) ) x',
      ppid: 12,
      utime: 7,
      cstime: 10,
    });
  });

  it('refuses a line that is not a stat line', () => {
    expect(() => parseProcStat('')).toThrow('not a /proc stat line');
  });

  it("counts the postmaster's own time, its exited children's and its live children's, nothing else", () => {
    const stats = [
      stat(100, 1, [10, 5, 300, 200]),
      stat(101, 100, [1, 2, 1000, 1000]), // a live backend: its own children are not Postgres's
      stat(102, 100, [30, 7, 0, 0]),
      stat(200, 1, [500, 500, 0, 0]), // another process
    ];
    expect(clusterTicks(100, stats)).toBe(10 + 5 + 300 + 200 + 1 + 2 + 30 + 7);
    expect(() => clusterTicks(999, stats)).toThrow('postmaster 999 is not running');
  });

  it.each([
    ['postgres: 15/main: postgres surgeline_bench_1 127.0.0.1(59580) idle', true],
    ['postgres: postgres surgeline_bench_1 [local] UPDATE', true],
    ['postgres: 15/main: autovacuum worker surgeline_bench_1', true],
    ['postgres: 15/main: postgres surgeline_test 127.0.0.1(59581) idle', false],
    ['postgres: 15/main: checkpointer', false],
    ['', false],
  ])('%j works for surgeline_bench_1: %p', (title, expected) => {
    expect(servesDatabase(title, 'surgeline_bench_1')).toBe(expected);
  });

  it("turns ticks between two samples into ms per conversation, counting the bench database's backends by pid", () => {
    const before = { service: 100, backends: { 11: 500, 12: 300 }, postgresCluster: 1000, redis: 50 };
    // 11 used 100 ticks, 12 exited (lost), 13 started and used 50
    const after = { service: 300, backends: { 11: 600, 13: 50 }, postgresCluster: 1400, redis: 60 };
    expect(cpuPerConversation(before, after, 400, 100)).toEqual({ service: 5, postgres: 3.75, postgresCluster: 10, redis: 0.25, total: 9 });
    expect(cpuPerConversation(before, after, 0, 100)).toBeNull();
  });
});
