import { attainmentWithin } from './erlang';

export const STAFFING_MODEL =
  'Erlang C (M/M/c) per language and bucket: servers = agents × agentConcurrency, service = meanHandleSeconds, ' +
  'P(first response ≤ SLA) = 1 − C(c, λh)·e^(−(c/h − λ)·SLA); 0 when λh ≥ c';

export const DEFAULT_HANDLE_SECONDS = 360;
export const DEFAULT_CONCURRENCY = 3;

/** What the plan knows about one language in one bucket before sizing it. */
export interface LanguageDemand {
  language: string;
  forecastArrivals: number;
  meanHandleSeconds: number;
  agentConcurrency: number;
  scheduledAgents: number;
}

export interface PlannedLanguage extends LanguageDemand {
  neededAgents: number;
  shortfall: number;
  /** with scheduledAgents */
  predictedAttainment: number;
  /** with neededAgents: what the plan promises when it is followed */
  attainmentIfPlanned: number;
}

export interface PlanBucket {
  start: Date;
  end: Date;
  languages: PlannedLanguage[];
}

export interface StaffingPlan {
  slaMinutes: number;
  targetAttainment: number;
  model: string;
  buckets: PlanBucket[];
  invites: { language: string; volunteers: number }[];
}

export interface DemandBucket {
  start: Date;
  end: Date;
  languages: LanguageDemand[];
}

/** The most agents a plan proposes for one language and bucket; beyond this the input is absurd. */
const MAX_AGENTS = 100_000;

/** The staffing plan: every language and bucket sized on its own (see docs/planning-model.md). */
export function buildStaffingPlan(demand: DemandBucket[], slaMinutes: number, targetAttainment: number): StaffingPlan {
  const buckets = demand.map((bucket) => {
    const seconds = (bucket.end.getTime() - bucket.start.getTime()) / 1000;
    return {
      start: bucket.start,
      end: bucket.end,
      languages: bucket.languages.map((d) => planLanguage(d, seconds, slaMinutes * 60, targetAttainment)),
    };
  });
  const largest = new Map<string, number>();
  for (const bucket of buckets) {
    for (const l of bucket.languages) largest.set(l.language, Math.max(largest.get(l.language) ?? 0, l.shortfall));
  }
  const invites = [...largest.entries()]
    .filter(([, volunteers]) => volunteers > 0)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([language, volunteers]) => ({ language, volunteers }));
  return { slaMinutes, targetAttainment, model: STAFFING_MODEL, buckets, invites };
}

function planLanguage(d: LanguageDemand, bucketSeconds: number, slaSeconds: number, target: number): PlannedLanguage {
  const attainment = (agents: number) =>
    attainmentWithin({
      servers: agents * d.agentConcurrency,
      arrivalRate: d.forecastArrivals / bucketSeconds,
      meanServiceSeconds: d.meanHandleSeconds,
      slaSeconds,
    });
  let needed = 0;
  if (d.forecastArrivals > 0) {
    const load = (d.forecastArrivals / bucketSeconds) * d.meanHandleSeconds;
    // Below load/concurrency + 1 the queue cannot settle, so the search starts there.
    needed = Math.max(1, Math.floor(load / d.agentConcurrency) + 1);
    while (attainment(needed) < target && needed < MAX_AGENTS) needed++;
  }
  return {
    ...d,
    neededAgents: needed,
    shortfall: Math.max(0, needed - d.scheduledAgents),
    predictedAttainment: round(attainment(d.scheduledAgents)),
    attainmentIfPlanned: attainment(needed),
  };
}

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}

/** Arrival-weighted attainment of a set of cells (1 when nothing arrives). */
export function weightedAttainment<T extends { forecastArrivals: number }>(cells: T[], attainmentOf: (cell: T) => number): number {
  let arrivals = 0;
  let met = 0;
  for (const cell of cells) {
    arrivals += cell.forecastArrivals;
    met += cell.forecastArrivals * attainmentOf(cell);
  }
  return arrivals > 0 ? met / arrivals : 1;
}
