import { readFileSync } from 'fs';
import { join } from 'path';
import { whatIfRules } from '../../src/simulations/replay-sources';
import { checkModel, formatModelCheck, ModelCheckResult } from '../../src/simulations/replay/model-check';
import { DEFAULT_TARGET, runReplay } from '../../src/simulations/replay/replay';
import { GeneratedArrivals, Scenario } from '../../src/simulations/replay/scenario';
import { validateScenario } from '../../src/simulations/replay/scenario-validator';
import type { ProfileName } from '../profiles';

const SCENARIOS = join(__dirname, '..', '..', 'scenarios');

export interface ReplayBench {
  scenario: string;
  hours: number;
  conversations: number;
  /** wall-clock seconds of the replay at the scenario's own roster */
  scenarioSeconds: number;
  /** wall-clock seconds of the plan and the replay at the plan's staffing */
  planSeconds: number;
  check: ModelCheckResult;
}

/**
 * The replay's speed on scenarios/ash-cloud-2010.json and the model's check at the plan's staffing.
 * The smoke profile replays two days at a quarter of the rate, so CI stays fast.
 */
export function runReplayBench(profile: ProfileName, progress: (line: string) => void): ReplayBench {
  const full = validateScenario(JSON.parse(readFileSync(join(SCENARIOS, 'ash-cloud-2010.json'), 'utf8')), 'ash-cloud-2010.json');
  const rules = whatIfRules(JSON.parse(readFileSync(join(SCENARIOS, 'ash-cloud-2010.rules.json'), 'utf8')));
  const scenario: Scenario = profile === 'smoke' ? scaledDown(full) : full;
  const arrivals = scenario.arrivals as GeneratedArrivals;
  progress(`replay: ${scenario.name}, ${scenario.hours} h, ${arrivals.total} conversations`);
  let started = process.hrtime.bigint();
  runReplay({ scenario, rules, staffing: 'scenario' });
  const scenarioSeconds = seconds(started);
  started = process.hrtime.bigint();
  const result = runReplay({ scenario, rules, staffing: 'plan' });
  const planSeconds = seconds(started);
  const check = checkModel(result, DEFAULT_TARGET);
  progress(`replay: ${scenarioSeconds.toFixed(1)} s at the scenario's roster, ${planSeconds.toFixed(1)} s at the plan's; model check ${check.passed ? 'passed' : 'FAILED'}`);
  return { scenario: scenario.name, hours: scenario.hours, conversations: arrivals.total, scenarioSeconds, planSeconds, check };
}

function scaledDown(scenario: Scenario): Scenario {
  const arrivals = scenario.arrivals as GeneratedArrivals;
  return { ...scenario, name: `${scenario.name} (smoke: 48 h at a quarter)`, hours: 48, arrivals: { ...arrivals, total: Math.round((arrivals.total * 48) / scenario.hours / 4) } };
}

function seconds(since: bigint): number {
  return Math.round(Number(process.hrtime.bigint() - since) / 1e7) / 100;
}

export function formatReplayBench(bench: ReplayBench): string {
  return [
    `Replay: ${bench.scenario}, ${bench.hours} h, ${bench.conversations} conversations: ` +
      `${bench.scenarioSeconds.toFixed(1)} s at its roster, ${bench.planSeconds.toFixed(1)} s (plan + replay) at the plan's staffing`,
    'Model check (plan predicted vs replay at the plan\'s staffing):',
    formatModelCheck(bench.check),
  ].join('\n');
}
