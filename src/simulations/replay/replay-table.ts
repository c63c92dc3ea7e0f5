import { ReplayResult } from './replay';

/** The replay's figures as a terminal table: overall, then per language. */
export function formatReplayTable(result: ReplayResult): string {
  const minutes = (x: number | null) => (x === null ? '-' : x.toFixed(1));
  const rows = [
    ['language', 'arrivals', 'answered', 'abandoned', 'within SLA', 'p50 min', 'p90 min', 'p99 min'],
    ...[{ language: 'all', ...result }, ...result.byLanguage].map((l) => [
      l.language,
      String(l.arrivals),
      String(l.answered),
      String(l.abandoned),
      `${(l.slaAttainment * 100).toFixed(2)}%`,
      minutes(l.firstResponseMinutes.p50),
      minutes(l.firstResponseMinutes.p90),
      minutes(l.firstResponseMinutes.p99),
    ]),
  ];
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const lines = rows.map((r) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  '));
  lines.splice(1, 0, widths.map((w) => '-'.repeat(w)).join('  '));
  return [
    `${result.scenario}: ${result.hours} h from ${result.start}, seed ${result.seed}, staffing ${result.staffing} (${result.rosterAgents} agents), ${result.rules} rules`,
    ...lines,
    `utilisation ${(result.utilisation * 100).toFixed(1)}%, most queued at once ${result.maxQueued}`,
  ].join('\n');
}
