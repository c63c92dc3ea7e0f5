/**
 * `npm run replay -- <scenario.json> [--staffing plan|scenario] [--rules <rules.json>] [--seed N] [--out <dir>]`
 *
 * Replays a scenario through the routing engine and writes <out>/replay-result.json and
 * <out>/replay-chart.svg. Given --rules it needs no database; otherwise it reads the current rules
 * (and, for `arrivals.fromIncident`, the incident's conversations) from DATABASE_URL.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'fs';
import { basename, join, resolve } from 'path';
import { Client } from 'pg';
import { RoutingRule } from '../routing/engine/engine.types';
import { QueryFn, readCurrentRules, readRecordedArrivals, whatIfRules } from './replay-sources';
import { Arrival } from './replay/arrivals';
import { checkModel, formatModelCheck } from './replay/model-check';
import { DEFAULT_TARGET, Replay, Staffing } from './replay/replay';
import { replayChartSvg } from './replay/replay-chart';
import { formatReplayTable } from './replay/replay-table';
import { isRecorded, Scenario } from './replay/scenario';
import { ScenarioError, validateScenario } from './replay/scenario-validator';

const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/surgeline';

interface CliOptions {
  scenarioPath: string;
  staffing: Staffing;
  rulesPath: string | null;
  seed: number | undefined;
  out: string;
}

export function parseArgs(argv: string[]): CliOptions {
  const options: CliOptions = { scenarioPath: '', staffing: 'scenario', rulesPath: null, seed: undefined, out: 'replay-results' };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    if (arg === '--staffing') {
      const v = value();
      if (v !== 'plan' && v !== 'scenario') throw new Error('--staffing must be plan or scenario');
      options.staffing = v;
    } else if (arg === '--rules') options.rulesPath = value();
    else if (arg === '--seed') {
      const seed = Number(value());
      if (!Number.isInteger(seed) || seed < 0 || seed >= 2 ** 32) throw new Error('--seed must be an integer from 0 to 4294967295');
      options.seed = seed;
    } else if (arg === '--out') options.out = value();
    else if (arg.startsWith('--')) throw new Error(`unknown option ${arg}`);
    else if (options.scenarioPath === '') options.scenarioPath = arg;
    else throw new Error(`unexpected argument ${arg}`);
  }
  if (options.scenarioPath === '') throw new Error('usage: npm run replay -- <scenario.json> [--staffing plan|scenario] [--rules <rules.json>] [--seed N] [--out <dir>]');
  return options;
}

async function withDatabase<T>(use: (query: QueryFn) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL });
  await client.connect();
  try {
    return await use(async <R>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as R[]);
  } finally {
    await client.end();
  }
}

async function loadInputs(options: CliOptions, scenario: Scenario): Promise<{ rules: RoutingRule[]; recorded?: Arrival[] }> {
  const fileRules = options.rulesPath ? whatIfRules(JSON.parse(readFileSync(options.rulesPath, 'utf8'))) : null;
  if (fileRules && !isRecorded(scenario.arrivals)) return { rules: fileRules };
  return withDatabase(async (query) => ({
    rules: fileRules ?? (await readCurrentRules(query)),
    recorded: isRecorded(scenario.arrivals) ? await readRecordedArrivals(query, scenario.arrivals.fromIncident) : undefined,
  }));
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const scenario = validateScenario(JSON.parse(readFileSync(options.scenarioPath, 'utf8')), basename(options.scenarioPath));
  const { rules, recorded } = await loadInputs(options, scenario);
  const started = process.hrtime.bigint();
  const replay = new Replay({ scenario, rules, staffing: options.staffing, seed: options.seed, recorded });
  replay.run();
  const result = replay.result();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const out = resolve(options.out);
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'replay-result.json'), `${JSON.stringify(result, null, 2)}\n`);
  writeFileSync(join(out, 'replay-chart.svg'), replayChartSvg(`${result.scenario} (seed ${result.seed}, staffing ${result.staffing})`, result.hourly));
  console.log(formatReplayTable(result));
  if (result.plan) console.log(`\n${formatModelCheck(checkModel(result, DEFAULT_TARGET))}`);
  console.log(`\nreplayed ${result.arrivals} conversations in ${seconds.toFixed(1)} s`);
  console.log(`wrote ${join(out, 'replay-result.json')} and ${join(out, 'replay-chart.svg')}`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof ScenarioError || error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
