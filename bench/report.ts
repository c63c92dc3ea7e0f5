import { PROFILES } from './profiles';
import { BenchResult, EndToEndRun, TargetCheck } from './result';
import { Distribution } from './stats';

/** Tables made from a result: printed on the terminal and written into docs/benchmarks.md. */

export interface Table {
  title: string;
  headers: string[];
  rows: string[][];
  note?: string;
}

export function formatNumber(value: number | null | undefined, digits = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '-';
  return value.toLocaleString('en-US', { minimumFractionDigits: 0, maximumFractionDigits: digits });
}

const ms = (distribution: Distribution, key: 'p50' | 'p95' | 'p99' | 'mean'): string =>
  distribution.count === 0 ? '-' : formatNumber(distribution[key], 1);

const verdict = (check: TargetCheck): string => (check.met === null ? 'not measured' : check.met ? 'met' : 'MISSED');

function machineTable(result: BenchResult): Table {
  const m = result.machine;
  return {
    title: 'Machine',
    headers: ['cores', 'CPU', 'memory', 'load (1 min) at start', 'load during run (mean / max)', 'Postgres', 'Redis', 'Node'],
    rows: [
      [
        String(m.cpus),
        m.cpuModel,
        `${formatNumber(m.memoryGb, 0)} GB`,
        formatNumber(m.loadAverageAtStart, 2),
        `${formatNumber(m.loadAverageDuringRun.mean, 2)} / ${formatNumber(m.loadAverageDuringRun.max, 2)}`,
        m.postgres,
        m.redis,
        m.node,
      ],
    ],
    note: 'The bench itself (service, driver, Postgres, Redis) loads the machine; a load far above that means other work shared the cores.',
  };
}

function baselineTable(result: BenchResult): Table {
  const { pgbench, setBasedCycle, bull } = result.baselines;
  return {
    title: 'Baselines',
    headers: ['what', 'setting', 'rate', 'avg latency ms'],
    rows: [
      ...pgbench.runs.map((run) => [
        run.script === 'assignment' ? 'pgbench: one assignment transaction' : 'pgbench: the same with pg_notify',
        `${run.clients} clients, ${run.seconds} s`,
        `${formatNumber(run.tps, 0)} tx/s`,
        formatNumber(run.latencyAverageMs, 2),
      ]),
      ...(setBasedCycle?.runs ?? []).map((run) => [
        `pgbench: set-based full cycle (${setBasedCycle?.batch} in, assigned, resolved per transaction)`,
        `${run.clients} client${run.clients > 1 ? 's' : ''}, ${run.seconds} s`,
        `${formatNumber(run.tps, 0)} tx/s, ${formatNumber(run.conversationsPerSecond, 0)} conversations/s`,
        formatNumber(run.latencyAverageMs, 2),
      ]),
      ['Bull: no-op jobs, one queue', `${bull.jobs} jobs, concurrency ${bull.concurrency}`, `${formatNumber(bull.jobsPerSecond, 0)} jobs/s`, '-'],
    ],
    ...(setBasedCycle
      ? {
          note:
            'set-based full cycle: conversations/s counts the conversations resolved during the run; a client that finds the ' +
            'others holding every free agent (SKIP LOCKED) assigns fewer than its batch, so more clients can resolve fewer.',
        }
      : {}),
  };
}

const fullBurst = PROFILES.full.endToEnd.phases.find((phase) => phase.kind === 'burst');

/** What a burst phase is, and whether this profile scaled it down from the full one. */
function burstNote(result: BenchResult): string {
  const burst = result.config.endToEnd.phases.find((phase) => phase.kind === 'burst');
  if (!burst || burst.kind !== 'burst') return '';
  const scaled =
    fullBurst?.kind === 'burst' && fullBurst.conversations !== burst.conversations
      ? ` (profile ${result.profile}: scaled down from the full profile's ${fullBurst.conversations.toLocaleString('en-US')})`
      : '';
  return (
    ` burst: a backlog of ${burst.conversations.toLocaleString('en-US')}${scaled} posted as fast as accepted ` +
    `(${burst.inFlight} in flight) while the agents work.`
  );
}

function phaseTable(run: EndToEndRun, burst: string): Table {
  return {
    title: `End to end, ${run.processes} process${run.processes > 1 ? 'es' : ''} (${run.agents} agents, ${run.languages} languages)`,
    headers: [
      'offered',
      'intake req/s',
      'intake p50 ms',
      'intake p99 ms',
      'assignments/s',
      'assigned/accepted',
      'intake→assigned p50 ms',
      'p95 ms',
      'p99 ms',
      'last assigned after s',
      'wait estimate error p50 s',
      'p90 s',
      'left queued',
    ],
    rows: run.phases.map((phase) => [
      phase.offeredPerSecond === null ? phase.name : `${phase.offeredPerSecond}/s`,
      formatNumber(phase.intakePerSecond),
      ms(phase.intakeLatencyMs, 'p50'),
      ms(phase.intakeLatencyMs, 'p99'),
      formatNumber(phase.assignmentsPerSecond),
      `${phase.assigned}/${phase.accepted}`,
      ms(phase.intakeToAssignedMs, 'p50'),
      ms(phase.intakeToAssignedMs, 'p95'),
      ms(phase.intakeToAssignedMs, 'p99'),
      formatNumber(phase.lastAssignedAfterSeconds, 2),
      phase.waitEstimateErrorSeconds ? formatNumber(phase.waitEstimateErrorSeconds.p50) : '-',
      phase.waitEstimateErrorSeconds ? formatNumber(phase.waitEstimateErrorSeconds.p90) : '-',
      String(phase.leftQueued),
    ]),
    note:
      'last assigned after: from the phase\'s start to the assignment of the last of its conversations.' +
      `${burst} ` +
      'wait estimate error: |estimatedWaitSeconds told at intake − intake→assigned| over the phase\'s conversations. ' +
      'left queued: still waiting when the settle after the phase timed out; removed before the next phase. ' +
      `Simulated agents over the run: ${run.simulatedAgents.pushed} assignments pushed on their work streams, ` +
      `${run.simulatedAgents.listRequests} catch-up list requests, ${run.simulatedAgents.resolved} resolved, ` +
      `${run.simulatedAgents.resolveRefused} resolves refused (taken back meanwhile), ${run.simulatedAgents.errors} errors.`,
  };
}

function cpuTable(result: BenchResult): Table {
  return {
    title: 'CPU per conversation (ms, from /proc)',
    headers: ['processes', 'phase', 'conversations', 'service', 'Postgres (bench database)', 'Redis', 'total', 'Postgres (whole cluster)'],
    rows: result.endToEnd.flatMap((run) =>
      run.phases.map((phase) => {
        const cpu = phase.cpuMsPerConversation;
        const figures = [cpu?.service, cpu?.postgres, cpu?.redis, cpu?.total, cpu?.postgresCluster];
        return [String(run.processes), phase.name, String(phase.accepted), ...figures.map((value) => formatNumber(value, 2))];
      }),
    ),
    note:
      'utime + stime over the phase and the settle after it, divided by the conversations the phase accepted; total = service + ' +
      'the bench database\'s backends + Redis. The whole cluster adds the auxiliary processes (WAL writer, checkpointer) and ' +
      'every other database\'s work on the same server; Redis is the whole server. The driver is not counted.',
  };
}

function summaryTable(result: BenchResult): Table {
  const setBased = result.ratios.assignmentsVsSetBasedCycle;
  return {
    title: 'End to end, summary',
    headers: [
      'processes',
      'intake req/s (max)',
      'intake p50 ms',
      'intake p99 ms',
      'sustained assignments/s',
      'drain assignments/s',
      '÷ pgbench ceiling',
      '÷ set-based full cycle',
    ],
    rows: result.endToEnd.map((run) => [
      String(run.processes),
      formatNumber(run.intake.requestsPerSecond),
      formatNumber(run.intake.latencyP50Ms),
      formatNumber(run.intake.latencyP99Ms),
      formatNumber(run.sustainedAssignmentsPerSecond),
      formatNumber(run.drainAssignmentsPerSecond),
      formatNumber(result.ratios.assignmentsVsPgbench[`${run.processes}p`], 3),
      formatNumber(setBased?.[`${run.processes}p`], 3),
    ]),
    note:
      `pgbench ceiling ${formatNumber(result.baselines.pgbench.ceilingTps, 0)} tx/s ` +
      `(${formatNumber(result.baselines.pgbench.notifyCeilingTps, 0)} with pg_notify); set-based full cycle ` +
      `${formatNumber(result.baselines.setBasedCycle?.ceilingConversationsPerSecond, 0)} conversations/s; 2 processes ÷ 1: ` +
      `intake ${formatNumber(result.ratios.twoVsOneProcess.intake, 2)}, assignments ${formatNumber(result.ratios.twoVsOneProcess.assignments, 2)}`,
  };
}

function scalingTable(result: BenchResult): Table {
  return {
    title: 'Cost of one routing decision',
    headers: [
      'agents',
      'queued',
      'decision p50 ms',
      'p95 ms',
      'p99 ms',
      'assigned/waiting',
      'candidate query ms (EXPLAIN)',
      'conversationsFor ms (EXPLAIN)',
      'conversationsFor call p50 ms',
    ],
    rows: result.scaling.cells.map((cell) => [
      formatNumber(cell.agents, 0),
      formatNumber(cell.queued, 0),
      ms(cell.decisionMs, 'p50'),
      ms(cell.decisionMs, 'p95'),
      ms(cell.decisionMs, 'p99'),
      `${cell.outcomes.assigned}/${cell.outcomes.waiting}`,
      formatNumber(cell.candidateQuery.executionMs, 3),
      formatNumber(cell.conversationsFor.executionMs, 3),
      ms(cell.conversationsFor.callMs, 'p50'),
    ]),
    note: `largest corner ÷ smallest (decision p50): ${formatNumber(result.scaling.largestVsSmallestP50, 2)}`,
  };
}

function targetTable(result: BenchResult): Table {
  return {
    title: 'Targets',
    headers: ['target', 'goal', 'measured', 'verdict'],
    rows: result.targets.map((check) => [check.name, check.target, formatNumber(check.measured, 3), verdict(check)]),
  };
}

export function resultTables(result: BenchResult): Table[] {
  return [
    machineTable(result),
    baselineTable(result),
    ...result.endToEnd.map((run) => phaseTable(run, burstNote(result))),
    summaryTable(result),
    cpuTable(result),
    scalingTable(result),
    targetTable(result),
  ];
}

export function renderText(table: Table): string {
  const widths = table.headers.map((header, i) => Math.max(header.length, ...table.rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i])).join('  ').trimEnd();
  return [
    `== ${table.title}`,
    line(table.headers),
    line(widths.map((width) => '-'.repeat(width))),
    ...table.rows.map(line),
    ...(table.note ? [table.note] : []),
  ].join('\n');
}

const escapeCell = (cell: string) => cell.replace(/\|/g, '\\|');

export function renderMarkdown(table: Table): string {
  return [
    `### ${table.title}`,
    '',
    `| ${table.headers.map(escapeCell).join(' | ')} |`,
    `| ${table.headers.map(() => '---').join(' | ')} |`,
    ...table.rows.map((row) => `| ${row.map(escapeCell).join(' | ')} |`),
    ...(table.note ? ['', table.note] : []),
  ].join('\n');
}
