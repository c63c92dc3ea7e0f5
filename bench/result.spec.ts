import { benchResult, endToEndRun, maxPhase, phase, scalingCell } from './result.fixture';
import { ceilingTps, computeRatios, evaluateTargets, largestVsSmallest, missingFigures, PgbenchScript } from './result';

describe('bench result figures', () => {
  it('takes the best pgbench run of a script as its ceiling', () => {
    const run = (script: PgbenchScript, clients: number, tps: number) => ({ script, clients, seconds: 10, transactions: 1, tps, latencyAverageMs: 4 });
    const runs = [run('assignment', 4, 900), run('assignment', 8, 1200), run('assignment+notify', 4, 2000), run('assignment+notify', 8, 300)];
    expect(ceilingTps(runs)).toBe(1200);
    expect(ceilingTps(runs, 'assignment+notify')).toBe(2000);
    expect(ceilingTps([])).toBe(0);
  });

  it('divides each run by both ceilings and 2 processes by 1', () => {
    const one = endToEndRun({ processes: 1, sustainedAssignmentsPerSecond: 300, intake: { requestsPerSecond: 1500, latencyP50Ms: 1, latencyP99Ms: 2 } });
    const two = endToEndRun({ processes: 2, sustainedAssignmentsPerSecond: 450, intake: { requestsPerSecond: 2400, latencyP50Ms: 1, latencyP99Ms: 2 } });
    expect(computeRatios({ pgbench: 1000, setBasedCycle: 3000 }, [one, two])).toEqual({
      assignmentsVsPgbench: { '1p': 0.3, '2p': 0.45 },
      assignmentsVsSetBasedCycle: { '1p': 0.1, '2p': 0.15 },
      twoVsOneProcess: { intake: 1.6, assignments: 1.5 },
    });
  });

  it('leaves the process ratio empty when only one process count ran', () => {
    expect(computeRatios({ pgbench: 1000, setBasedCycle: 3000 }, [endToEndRun()]).twoVsOneProcess).toEqual({ intake: null, assignments: null });
  });

  it('compares the largest grid corner with the smallest by p50', () => {
    const cells = [scalingCell(100, 100, 2), scalingCell(10_000, 100, 2.5), scalingCell(100, 100_000, 2.2), scalingCell(10_000, 100_000, 5)];
    expect(largestVsSmallest(cells)).toBe(2.5);
    expect(largestVsSmallest([])).toBeNull();
  });

  describe('targets', () => {
    const judged = (overrides: Parameters<typeof benchResult>[0]) => {
      const result = benchResult(overrides);
      return Object.fromEntries(evaluateTargets(result).map((check) => [check.name, [check.measured, check.met]]));
    };

    it('judges each target on the run that measures it', () => {
      expect(judged({})).toEqual({
        'sustained assignments/s vs pgbench ceiling (1 process)': [0.6, true],
        'assignments/s ÷ accepted intake/s, as fast as accepted, 1 process (no starvation)': [0.938, true],
        'intake requests/s, 1 process': [1600, true],
        'p99 intake→assigned at 200/s offered, 1 process (ms)': [30, true],
        'service + Postgres + Redis CPU per conversation, as fast as accepted, 1 process (ms)': [3.5, true],
        '2 processes ÷ 1, intake requests/s': [1.7, true],
        '2 processes ÷ 1, sustained assignments/s': [1.6, true],
        'routing decision p50, largest grid corner ÷ smallest': [1.5, true],
      });
    });

    it('reports a miss on each side of every threshold', () => {
      const slow = endToEndRun({
        intake: { requestsPerSecond: 1499, latencyP50Ms: 1, latencyP99Ms: 2 },
        phases: [
          phase({ intakeToAssignedMs: { count: 10, mean: 1, p50: 1, p95: 1, p99: 51, max: 60 } }),
          maxPhase({ intakePerSecond: 1000, assignmentsPerSecond: 899, cpuMsPerConversation: { service: 2, postgres: 1.5, postgresCluster: 1.5, redis: 0.51, total: 4.01 } }),
        ],
      });
      expect(
        judged({
          endToEnd: [slow],
          ratios: { assignmentsVsPgbench: { '1p': 0.29 }, twoVsOneProcess: { intake: 1.59, assignments: 1.59 } },
          scaling: { cells: [], largestVsSmallestP50: 2.01 },
        }),
      ).toEqual({
        'sustained assignments/s vs pgbench ceiling (1 process)': [0.29, false],
        'assignments/s ÷ accepted intake/s, as fast as accepted, 1 process (no starvation)': [0.899, false],
        'intake requests/s, 1 process': [1499, false],
        'p99 intake→assigned at 200/s offered, 1 process (ms)': [51, false],
        'service + Postgres + Redis CPU per conversation, as fast as accepted, 1 process (ms)': [4.01, false],
        '2 processes ÷ 1, intake requests/s': [1.59, false],
        '2 processes ÷ 1, sustained assignments/s': [1.59, false],
        'routing decision p50, largest grid corner ÷ smallest': [2.01, false],
      });
    });

    it('says "not measured" (null) for CPU when the servers were not on this machine', () => {
      const run = endToEndRun({ phases: [phase(), maxPhase({ cpuMsPerConversation: null })] });
      const check = evaluateTargets(benchResult({ endToEnd: [run] })).find((c) => c.name.startsWith('service + Postgres + Redis CPU'));
      expect(check).toMatchObject({ measured: null, met: null });
    });

    it('says "not measured" (null) when no phase offered 200/s', () => {
      const run = endToEndRun({ phases: [phase({ offeredPerSecond: 20, name: '20/s' })] });
      const check = evaluateTargets(benchResult({ endToEnd: [run] })).find((c) => c.name.startsWith('p99 intake→assigned'));
      expect(check).toMatchObject({ measured: null, met: null });
    });
  });

  describe('missing figures', () => {
    it('finds none in a complete result', () => {
      expect(missingFigures(benchResult())).toEqual([]);
    });

    it.each([
      ['no pgbench runs', { baselines: { ...benchResult().baselines, pgbench: { runs: [], ceilingTps: 0, notifyCeilingTps: 0 } } }, 'baselines.pgbench.runs'],
      ['no set-based cycle', { baselines: { ...benchResult().baselines, setBasedCycle: undefined } }, 'baselines.setBasedCycle.ceilingConversationsPerSecond'],
      ['no end-to-end run', { endToEnd: [] }, 'endToEnd'],
      ['no scaling cells', { scaling: { cells: [], largestVsSmallestP50: null } }, 'scaling.cells'],
      ['a ratio that is null', { ratios: { assignmentsVsPgbench: { '1p': null }, twoVsOneProcess: { intake: null, assignments: null } } }, 'ratios.assignmentsVsPgbench.1p'],
      ['a NaN latency', { endToEnd: [endToEndRun({ intake: { requestsPerSecond: 1, latencyP50Ms: NaN, latencyP99Ms: 1 } })] }, 'endToEnd[0].intake.latencyP50Ms'],
      ['no targets', { targets: [] }, 'targets'],
    ])('names the gap when there is %s', (_label, overrides, path) => {
      expect(missingFigures(benchResult(overrides as Parameters<typeof benchResult>[0]))).toContain(path);
    });
  });
});
