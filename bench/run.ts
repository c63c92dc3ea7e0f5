/**
 * npm run bench [-- --quick | --smoke] [--results-dir DIR] [--docs | --no-docs]
 * npm run bench -- --report bench/results/<file>.json [--docs]   (tables and docs from a stored result)
 *
 * Baselines (pgbench per assignment and set-based full cycle, Bull), Surgeline end to end with 1
 * and 2 processes (after a warm-up: stepped rates, as fast as accepted, a burst; CPU per
 * conversation from /proc), the cost of one routing decision as roster and queue grow, and the
 * replay of scenarios/ash-cloud-2010.json with the staffing model's check, on a database and
 * Bull prefix of its own that are removed afterwards. Prints tables, writes bench/results/<timestamp>.json and (full profile, or
 * --docs) the figures in docs/benchmarks.md.
 */
import 'reflect-metadata';
import { mkdir, readFile, writeFile } from 'fs/promises';
import { join, relative } from 'path';
import { runBullBaseline } from './baselines/bull-baseline';
import { runPgbenchBaseline } from './baselines/pgbench';
import { runSetBasedCycleBaseline } from './baselines/set-based-cycle';
import { createBenchEnvironment } from './bench-environment';
import { cleanUp, onCleanup } from './cleanup';
import { updateBenchmarksDoc } from './docs-writer';
import { AGENT_SETUP_NOTE, runEndToEnd } from './e2e/end-to-end';
import { TOKEN_NOTE } from './e2e/agent-sessions';
import { machineFacts, monitorLoad, sourceRevision } from './machine';
import { BenchProfile, ProfileName, PROFILES } from './profiles';
import { formatReplayBench, runReplayBench } from './replay/replay-bench';
import { renderText, resultTables } from './report';
import { BenchResult, ceilingTps, computeRatios, evaluateTargets, largestVsSmallest } from './result';

const ROOT = join(__dirname, '..');

interface Options {
  profile: BenchProfile;
  resultsDir: string;
  writeDocs: boolean;
  /** a stored result to print (and write into the docs) instead of running */
  report?: string;
}

export function parseArgs(argv: string[]): Options {
  const flag = (name: string) => argv.includes(`--${name}`);
  const valueOf = (name: string) => {
    const index = argv.indexOf(`--${name}`);
    return index >= 0 ? argv[index + 1] : undefined;
  };
  const name: ProfileName = flag('smoke') ? 'smoke' : flag('quick') ? 'quick' : 'full';
  const report = valueOf('report');
  return {
    profile: PROFILES[name],
    resultsDir: valueOf('results-dir') ?? join(ROOT, 'bench', 'results'),
    writeDocs: name !== 'smoke' && !flag('no-docs') && ((name === 'full' && !report) || flag('docs')),
    ...(report ? { report } : {}),
  };
}

const started = Date.now();
function progress(line: string): void {
  process.stdout.write(`[${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s] ${line}\n`);
}

async function publish(result: BenchResult, file: string, writeDocs: boolean): Promise<void> {
  process.stdout.write(`\n${resultTables(result).map(renderText).join('\n\n')}\n\n`);
  if (result.replay) process.stdout.write(`${formatReplayBench(result.replay)}\n\n`);
  if (writeDocs) {
    await updateBenchmarksDoc(join(ROOT, 'docs', 'benchmarks.md'), result, relative(ROOT, file));
    progress('docs/benchmarks.md updated');
  }
}

async function run(options: Options): Promise<void> {
  const { profile } = options;
  const startedAt = new Date();
  // Taken now: the code measured is the code the run started with.
  const revision = sourceRevision(ROOT);
  progress(`profile ${profile.name}: creating the bench database and running migrations`);
  const env = await createBenchEnvironment();
  onCleanup('bench database and Redis keys', async () => {
    await env.dispose();
    progress(`dropped ${env.databaseName}, deleted ${env.bullPrefix}:* keys`);
  });
  const load = monitorLoad();
  const facts = await machineFacts(env.databaseUrl, env.redisUrl);
  progress(`${facts.cpus} cores, PostgreSQL ${facts.postgres}, Redis ${facts.redis}, load average ${facts.loadAverageAtStart}`);

  const pgbenchRuns = await runPgbenchBaseline(env.databaseUrl, profile.pgbench, progress);
  const setBasedCycle = await runSetBasedCycleBaseline(env.databaseUrl, profile.setBasedCycle, progress);
  const bull = await runBullBaseline({ redisUrl: env.redisUrl, prefix: env.bullPrefix, ...profile.bull }, progress);
  const endToEnd = await runEndToEnd(env, profile.endToEnd, progress);
  const { runScaling } = await import('./scaling/scaling');
  const cells = await runScaling(env, profile.scaling, progress);
  const replay = runReplayBench(profile.name, progress);

  const ceiling = ceilingTps(pgbenchRuns);
  const ratios = computeRatios({ pgbench: ceiling, setBasedCycle: setBasedCycle.ceilingConversationsPerSecond }, endToEnd);
  const scaling = { cells, largestVsSmallestP50: largestVsSmallest(cells) };
  const finishedAt = new Date();
  const machine = { ...facts, loadAverageDuringRun: load.stop() };
  const result: BenchResult = {
    formatVersion: 1,
    profile: profile.name,
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    durationSeconds: Math.round((finishedAt.getTime() - startedAt.getTime()) / 1000),
    revision,
    machine,
    config: profile,
    setup: { agents: AGENT_SETUP_NOTE, tokens: TOKEN_NOTE },
    baselines: {
      pgbench: { runs: pgbenchRuns, ceilingTps: ceiling, notifyCeilingTps: ceilingTps(pgbenchRuns, 'assignment+notify') },
      setBasedCycle,
      bull,
    },
    endToEnd,
    ratios,
    scaling,
    targets: evaluateTargets({ endToEnd, ratios, scaling }),
    replay,
  };

  await mkdir(options.resultsDir, { recursive: true });
  const file = join(options.resultsDir, `bench-${profile.name}-${result.startedAt.replace(/[:.]/g, '-')}.json`);
  await writeFile(file, JSON.stringify(result, null, 2));
  progress(`result written to ${relative(process.cwd(), file)}`);
  await publish(result, file, options.writeDocs);
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      progress(`${signal}: cleaning up`);
      void cleanUp(progress).finally(() => process.exit(130));
    });
  }
  let failed = false;
  try {
    if (options.report) await publish(JSON.parse(await readFile(options.report, 'utf8')) as BenchResult, options.report, options.writeDocs);
    else await run(options);
  } catch (error) {
    failed = true;
    process.stderr.write(`bench failed: ${(error as Error).stack ?? error}\n`);
  } finally {
    await cleanUp(progress);
  }
  // Bull and pg keep handles open for a moment after close; the run is over either way.
  process.exit(failed ? 1 : 0);
}

if (require.main === module) void main();
