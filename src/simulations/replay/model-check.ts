import { ReplayResult } from './replay';

/** planning.md's check: the replay at the plan's staffing against what the plan predicted. */
export const MODEL_CHECK = { minAnswered: 0.995, tolerance: 0.05, minTrafficShare: 0.01 } as const;

export interface LanguageCheck {
  language: string;
  trafficShare: number;
  replayAttainment: number;
  predictedAttainment: number;
  /** predicted − replay, in points of attainment (0.01 = one point) */
  difference: number;
  checked: boolean;
  ok: boolean;
}

export interface ModelCheckResult {
  passed: boolean;
  answeredShare: number;
  replayAttainment: number;
  predictedAttainment: number;
  targetAttainment: number;
  languages: LanguageCheck[];
  failures: string[];
}

/** Needs a result of a replay with `staffing: plan` (it carries the plan's prediction). */
export function checkModel(result: ReplayResult, targetAttainment: number): ModelCheckResult {
  if (!result.plan) throw new Error('the model check needs a replay at the plan\'s staffing');
  const failures: string[] = [];
  const answeredShare = result.arrivals > 0 ? result.answered / result.arrivals : 1;
  if (answeredShare < MODEL_CHECK.minAnswered) failures.push(`answered ${pct(answeredShare)} < ${pct(MODEL_CHECK.minAnswered)}`);
  if (result.slaAttainment < targetAttainment) failures.push(`attainment ${pct(result.slaAttainment)} < target ${pct(targetAttainment)}`);
  const overall = result.plan.predictedAttainment - result.slaAttainment;
  if (Math.abs(overall) > MODEL_CHECK.tolerance) failures.push(`overall: predicted ${pct(result.plan.predictedAttainment)} vs replay ${pct(result.slaAttainment)}`);
  const predicted = new Map(result.plan.byLanguage.map((l) => [l.language, l.predictedAttainment]));
  const languages = result.byLanguage.map((l) => {
    const trafficShare = result.arrivals > 0 ? l.arrivals / result.arrivals : 0;
    const predictedAttainment = predicted.get(l.language) ?? 1;
    const difference = round(predictedAttainment - l.slaAttainment);
    const checked = trafficShare >= MODEL_CHECK.minTrafficShare;
    const ok = !checked || Math.abs(difference) <= MODEL_CHECK.tolerance;
    if (!ok) failures.push(`${l.language}: predicted ${pct(predictedAttainment)} vs replay ${pct(l.slaAttainment)}`);
    return { language: l.language, trafficShare: round(trafficShare), replayAttainment: l.slaAttainment, predictedAttainment, difference, checked, ok };
  });
  return {
    passed: failures.length === 0,
    answeredShare: round(answeredShare),
    replayAttainment: result.slaAttainment,
    predictedAttainment: result.plan.predictedAttainment,
    targetAttainment,
    languages,
    failures,
  };
}

/** The comparison as a terminal table. */
export function formatModelCheck(check: ModelCheckResult): string {
  const rows = [
    ['language', 'traffic', 'predicted', 'replay', 'diff (pts)', ''],
    ['all', '100.0%', pct(check.predictedAttainment), pct(check.replayAttainment), points(check.predictedAttainment - check.replayAttainment), ''],
    ...check.languages.map((l) => [
      l.language,
      pct(l.trafficShare),
      pct(l.predictedAttainment),
      pct(l.replayAttainment),
      points(l.difference),
      l.checked ? (l.ok ? 'ok' : 'FAIL') : '(< 1%)',
    ]),
  ];
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const lines = rows.map((r) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  '));
  lines.push(
    `answered ${pct(check.answeredShare)} (≥ ${pct(MODEL_CHECK.minAnswered)}), attainment ${pct(check.replayAttainment)} (target ${pct(check.targetAttainment)}): ` +
      (check.passed ? 'model check passed' : `model check FAILED: ${check.failures.join('; ')}`),
  );
  return lines.join('\n');
}

function pct(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}

function points(x: number): string {
  return `${x >= 0 ? '+' : ''}${(x * 100).toFixed(2)}`;
}

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}
