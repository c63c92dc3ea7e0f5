import { ConsoleLogger } from '@nestjs/common';
import { Test, TestingModule } from '@nestjs/testing';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { BenchEnvironment, serviceEnv } from '../bench-environment';
import { benchPool } from '../bench-pool';
import { BenchProfile } from '../profiles';
import { ExplainCapture, ScalingCell } from '../result';
import { AGENT_BATCHES, removeAgents, seedAgents } from '../seed/agents-seed';
import { seedQueuedConversations } from '../seed/conversations-seed';
import { summarize } from '../stats';
import { ExplainingQueryRunner } from './explain';

type Progress = (line: string) => void;
type Settings = BenchProfile['scaling'];

const LANGUAGES = 14;
const CAPACITY = { min: 2, max: 10 };

/** The service's classes, loaded only after the environment points at the bench database (config is read at import). */
async function loadService() {
  const [{ AppModule }, { RoutingService }, { RoutingPump }, { CandidatePoolsRepository }, { WaitingWorkRepository }, engine] = await Promise.all([
    import('../../src/app.module'),
    import('../../src/routing/routing.service'),
    import('../../src/routing/pump/routing-pump'),
    import('../../src/routing/candidate-pools.repository'),
    import('../../src/routing/waiting-work.repository'),
    import('../../src/routing/engine'),
  ]);
  return { AppModule, RoutingService, RoutingPump, CandidatePoolsRepository, WaitingWorkRepository, engine };
}

type Service = Awaited<ReturnType<typeof loadService>>;

interface Context {
  db: Pool;
  app: TestingModule;
  service: Service;
  settings: Settings;
}

/**
 * The real AppModule in this process without its routing pump: it would route the seeded queue
 * concurrently (the reconciler asks for every queued conversation at start) and blur the timing.
 */
async function startApplication(env: BenchEnvironment): Promise<{ app: TestingModule; service: Service }> {
  Object.assign(process.env, serviceEnv(env));
  const service = await loadService();
  const app = await Test.createTestingModule({ imports: [service.AppModule] })
    .overrideProvider(service.RoutingPump)
    .useValue({ onModuleInit: () => undefined, onModuleDestroy: () => undefined })
    .setLogger(new ConsoleLogger({ logLevels: ['error', 'warn'] }))
    .compile();
  await app.init();
  return { app, service };
}

/**
 * Puts a routed conversation back in the queue, its assignment ended (the trigger restores the
 * agent's load), so the queue and the roster's free room stay the size the cell says.
 */
async function requeue(db: Pool, conversationId: string): Promise<void> {
  await db.query(
    `WITH ended AS (UPDATE assignments SET ended_at = now(), end_reason = 'resolved' WHERE conversation_id = $1 AND ended_at IS NULL)
     UPDATE conversations SET status = 'queued', assigned_agent_id = NULL, assigned_at = NULL, next_escalation_at = NULL, awaiting_agent = true
      WHERE id = $1`,
    [conversationId],
  );
}

async function sampleQueued(db: Pool, count: number): Promise<{ id: string; language: string; receivedAt: Date }[]> {
  const { rows } = await db.query(
    `SELECT id, language, received_at AS "receivedAt" FROM conversations WHERE status = 'queued' ORDER BY random() LIMIT $1`,
    [count],
  );
  return rows;
}

async function timeDecisions(ctx: Context): Promise<Pick<ScalingCell, 'decisionMs' | 'outcomes'>> {
  const routing = ctx.app.get(ctx.service.RoutingService, { strict: false });
  const { warmup, decisions } = ctx.settings;
  const picks = await sampleQueued(ctx.db, warmup + decisions);
  const timings: number[] = [];
  const outcomes = { assigned: 0, waiting: 0, skipped: 0 };
  for (let i = 0; i < warmup + decisions; i++) {
    const { id } = picks[i % picks.length];
    const started = performance.now();
    const outcome = await routing.routeConversation(id);
    const elapsed = performance.now() - started;
    if (i >= warmup) {
      timings.push(elapsed);
      outcomes[outcome.kind]++;
    }
    if (outcome.kind === 'assigned') await requeue(ctx.db, id);
  }
  return { decisionMs: summarize(timings, 3), outcomes };
}

async function explainCandidates(ctx: Context): Promise<ExplainCapture> {
  const { engine } = ctx.service;
  const [conversation] = await sampleQueued(ctx.db, 1);
  const now = new Date();
  const requirements = engine.requirementsAt(engine.DEFAULT_RULE, { language: conversation.language, receivedAt: conversation.receivedAt, transfer: null }, now);
  const explaining = new ExplainingQueryRunner(ctx.app.get(DataSource));
  // The pool a batch of one conversation reads.
  await ctx.app
    .get(ctx.service.CandidatePoolsRepository, { strict: false })
    .readPools(explaining.asManager(), [{ requirements, limit: ctx.service.engine.poolReadLimit(1, 0) }]);
  return explaining.capture();
}

/** Agents served in one read of waiting work. */
const SERVED_TOGETHER = 20;

async function explainConversationsFor(ctx: Context): Promise<ScalingCell['conversationsFor']> {
  // A pump turn serves together the agents who gained room since the last one.
  const { rows } = await ctx.db.query<{ ids: string[]; free: number }>(
    `SELECT array_agg(user_id) AS ids, sum(max_concurrent - open_count)::int AS free
       FROM (SELECT user_id, max_concurrent, open_count FROM agents
              WHERE presence = 'available' AND open_count < max_concurrent ORDER BY random() LIMIT ${SERVED_TOGETHER}) a`,
  );
  const explaining = new ExplainingQueryRunner(ctx.app.get(DataSource));
  await new ctx.service.WaitingWorkRepository(explaining.asDataSource()).conversationsFor(rows[0].ids, rows[0].free);
  const waiting = ctx.app.get(ctx.service.WaitingWorkRepository, { strict: false });
  const calls: number[] = [];
  for (let i = 0; i < ctx.settings.serveCalls; i++) {
    const started = performance.now();
    await waiting.conversationsFor(rows[0].ids, rows[0].free);
    calls.push(performance.now() - started);
  }
  return { ...explaining.capture(), callMs: summarize(calls, 3) };
}

async function measureCell(ctx: Context, agents: number, queued: number, progress: Progress): Promise<ScalingCell> {
  const decisions = await timeDecisions(ctx);
  const cell: ScalingCell = { agents, queued, ...decisions, candidateQuery: await explainCandidates(ctx), conversationsFor: await explainConversationsFor(ctx) };
  progress(
    `scaling ${agents} agents / ${queued} queued: decision p50 ${cell.decisionMs.p50} ms, p99 ${cell.decisionMs.p99} ms; ` +
      `candidate query ${cell.candidateQuery.executionMs} ms; conversationsFor ${cell.conversationsFor.executionMs} ms`,
  );
  return cell;
}

/**
 * A roster of `agents` and an empty queue. Conversations go first: with conversations referencing
 * them, deleting agents costs one foreign-key scan of conversations per agent.
 */
async function freshRoster(db: Pool, agents: number): Promise<void> {
  await db.query('TRUNCATE conversations, events CASCADE');
  // The end-to-end roster too: it would widen every grid roster.
  for (const label of [AGENT_BATCHES.endToEnd, AGENT_BATCHES.scaling]) await removeAgents(db, label);
  await seedAgents(db, { label: AGENT_BATCHES.scaling, count: agents, languages: LANGUAGES, capacity: CAPACITY, presence: 'available', passwordHash: 'not-a-login' });
  await db.query('VACUUM ANALYZE users, agents, agent_languages, agent_skills');
}

/** The cost of one routing decision over a grid of roster and queue sizes, on the real claim path. */
export async function runScaling(env: BenchEnvironment, settings: Settings, progress: Progress): Promise<ScalingCell[]> {
  const db = benchPool(env.databaseUrl, 2);
  const { app, service } = await startApplication(env);
  const ctx: Context = { db, app, service, settings };
  try {
    const cells: ScalingCell[] = [];
    for (const agents of [...settings.agents].sort((a, b) => a - b)) {
      await freshRoster(db, agents);
      let seeded = 0;
      for (const queued of [...settings.queued].sort((a, b) => a - b)) {
        await seedQueuedConversations(db, { from: seeded + 1, to: queued }, LANGUAGES);
        seeded = queued;
        await db.query('VACUUM ANALYZE conversations, messages');
        cells.push(await measureCell(ctx, agents, queued, progress));
      }
    }
    return cells.sort((a, b) => a.queued - b.queued || a.agents - b.agents);
  } finally {
    await app.close();
    await db.end();
  }
}
