import { Pool } from 'pg';
import { PasswordHasher } from '../../src/common/auth/password-hasher';
import { AppProcess, startAppProcess } from '../../test/support/app-process';
import { BenchEnvironment, deleteKeys, serviceEnv } from '../bench-environment';
import { benchPool } from '../bench-pool';
import { onCleanup } from '../cleanup';
import { cpuPerConversation, ProcessCpu } from '../process-cpu';
import { BenchProfile, PhaseConfig, phaseName } from '../profiles';
import { EndToEndRun, PhaseResult } from '../result';
import { AGENT_BATCHES, languagesOf, seedAgents } from '../seed/agents-seed';
import { AGENT_PASSWORD, signInAgents } from './agent-sessions';
import { DriverAgent } from './driver-protocol';
import { DriverProcess } from './driver-process';
import { DrainFigures, toEndToEndRun, toPhaseResult } from './figures';
import { assignmentsBetween, purgeBacklog, queuedCount, resetWork, settleQueue, storedPhaseFigures } from './stored-figures';

type Progress = (line: string) => void;
type Settings = BenchProfile['endToEnd'];

export const AGENT_SETUP_NOTE =
  'agents, languages and skills inserted with SQL (generate_series) sharing one precomputed argon2 hash, then signed in through POST /me/sign-in';

async function startServices(env: BenchEnvironment, processes: number): Promise<AppProcess[]> {
  const appEnv = serviceEnv(env);
  const starting = await Promise.allSettled(Array.from({ length: processes }, () => startAppProcess(appEnv)));
  const started = starting.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value] : []));
  const failed = starting.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
  if (failed) {
    await Promise.all(started.map((app) => app.stop()));
    throw failed.reason;
  }
  return started;
}

/** What a run measures with: its database, its driver, and the processes whose CPU it reads. */
interface Measuring {
  db: Pool;
  env: BenchEnvironment;
  driver: DriverProcess;
  apps: AppProcess[];
  cpu: ProcessCpu | null;
}

const phaseTag = (processes: number, phase: PhaseConfig): string =>
  `p${processes}-${phase.kind === 'rate' ? `r${phase.perSecond}` : phase.kind === 'max' ? 'max' : `burst${phase.conversations}`}`;

/** Unmeasured load first: the first phase would otherwise time new pool connections, unplanned statements and cold caches. */
async function warmUp({ db, env, driver, apps }: Measuring, settings: Settings, progress: Progress): Promise<void> {
  progress(`${apps.length}p warm-up: ${phaseName(settings.warmUp)} for ${settings.warmUp.seconds} s, not measured`);
  await driver.runPhase(`p${apps.length}-warm`, settings.warmUp);
  const settled = await settleQueue(db, settings.settleTimeoutMs);
  if (settled.leftQueued > 0) await purgeBacklog(db, { url: env.redisUrl, prefix: env.bullPrefix });
}

async function runPhases(measuring: Measuring, settings: Settings, progress: Progress) {
  const { db, env, driver, apps, cpu } = measuring;
  const processes = apps.length;
  const pids = apps.map((app) => app.pid);
  const phases: PhaseResult[] = [];
  let drain: DrainFigures | null = null;
  for (const phase of settings.phases) {
    const tag = phaseTag(processes, phase);
    progress(`${processes}p ${phaseName(phase)}: ${phase.kind === 'burst' ? 'posting' : `offering for ${phase.seconds} s`}`);
    const cpuBefore = cpu?.sample(pids);
    const driven = await driver.runPhase(tag, phase);
    const backlog = await queuedCount(db);
    const settled = await settleQueue(db, phase.kind === 'burst' ? phase.settleTimeoutMs : settings.settleTimeoutMs);
    // CPU over the phase and its settle: the conversations the phase took in are routed by then.
    const cpuMsPerConversation = cpu && cpuBefore ? cpuPerConversation(cpuBefore, cpu.sample(pids), driven.accepted, cpu.ticksPerSecond) : null;
    if (phase.kind === 'max') {
      drain = { backlog, seconds: settled.seconds, assignments: await assignmentsBetween(db, driven.endedAtMs, settled.endedAtMs) };
    }
    const result = toPhaseResult(phase, driven, await storedPhaseFigures(db, tag, driven), { leftQueued: settled.leftQueued, cpuMsPerConversation });
    phases.push(result);
    if (settled.leftQueued > 0) await purgeBacklog(db, { url: env.redisUrl, prefix: env.bullPrefix });
    progress(
      `${processes}p ${result.name}: intake ${result.intakePerSecond}/s (p99 ${result.intakeLatencyMs.p99} ms), ` +
        `${result.assignmentsPerSecond} assignments/s, intake→assigned p99 ${result.intakeToAssignedMs.p99} ms, ` +
        `${result.assigned}/${result.accepted} assigned, the last after ${result.lastAssignedAfterSeconds ?? '-'} s; ` +
        `backlog ${backlog} settled in ${settled.seconds.toFixed(1)} s` +
        (settled.leftQueued > 0 ? ` (${settled.leftQueued} still queued: removed before the next phase)` : '') +
        (cpuMsPerConversation ? `; CPU ${cpuMsPerConversation.total} ms/conversation` : '') +
        (driven.maxScheduleLagMs > 100 ? `; driver fell ${driven.maxScheduleLagMs} ms behind schedule` : ''),
    );
  }
  return { phases, drain };
}

async function runWithProcesses(
  db: Pool,
  apps: AppProcess[],
  sessions: DriverAgent[],
  env: BenchEnvironment,
  cpu: ProcessCpu | null,
  settings: Settings,
  progress: Progress,
): Promise<EndToEndRun> {
  const driver = await DriverProcess.start(
    {
      type: 'init',
      baseUrls: apps.map((app) => app.baseUrl),
      intakeSecret: env.intakeSecret,
      agents: sessions,
      languages: languagesOf(settings.languages),
      handlingMs: settings.handlingMs,
      catchUpMs: settings.catchUpMs,
    },
    (p) => progress(`  ${p.tag} ${p.elapsedSeconds.toFixed(0)} s: sent ${p.sent}, accepted ${p.accepted}, failed ${p.failed}`),
  );
  const forget = onCleanup('driver process', () => driver.kill());
  try {
    driver.startAgents();
    const measuring = { db, env, driver, apps, cpu };
    await warmUp(measuring, settings, progress);
    const { phases, drain } = await runPhases(measuring, settings, progress);
    const agentStats = await driver.stop();
    return toEndToEndRun({ processes: apps.length, agents: sessions.length, languages: settings.languages }, phases, drain, agentStats);
  } catch (error) {
    driver.kill();
    throw error;
  } finally {
    forget();
  }
}

/** Surgeline end to end with 1, then 2 (...) processes, each run from an empty queue and idle agents. */
export async function runEndToEnd(env: BenchEnvironment, settings: Settings, progress: Progress): Promise<EndToEndRun[]> {
  const db = benchPool(env.databaseUrl, 4);
  try {
    const passwordHash = await new PasswordHasher().hash(AGENT_PASSWORD);
    const agents = await seedAgents(db, {
      label: AGENT_BATCHES.endToEnd,
      count: settings.agents,
      languages: settings.languages,
      capacity: settings.capacity,
      presence: 'offline',
      passwordHash,
    });
    // Statistics of the roster as autovacuum keeps them for a running service: inserted in one go, it is not analyzed yet.
    await db.query('ANALYZE users, agents, agent_languages, agent_skills');
    progress(`seeded ${agents.length} agents over ${settings.languages} languages`);
    const cpu = await ProcessCpu.locate(env.databaseUrl, env.redisUrl);
    if (!cpu) progress('Postgres or Redis is not on this machine: CPU per conversation not measured');
    let sessions: DriverAgent[] | null = null;
    const runs: EndToEndRun[] = [];
    for (const processes of settings.processCounts) {
      await resetWork(db);
      await deleteKeys(env.redisUrl, env.bullPrefix);
      progress(`starting ${processes} service process(es)`);
      const apps = await startServices(env, processes);
      const forget = apps.map((app) => onCleanup('service process', () => app.stop().then(() => undefined)));
      try {
        sessions ??= await signInAgents(db, env, apps[0].baseUrl, agents);
        runs.push(await runWithProcesses(db, apps, sessions, env, cpu, settings, progress));
      } finally {
        await Promise.all(apps.map((app) => app.stop()));
        forget.forEach((release) => release());
      }
    }
    return runs;
  } finally {
    await db.end();
  }
}
