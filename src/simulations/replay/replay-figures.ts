import { EngineOutcome, SimConversation } from './replay-engine';
import { HOUR_MS, MINUTE_MS } from './scenario';

export interface ResponseFigures {
  arrivals: number;
  answered: number;
  abandoned: number;
  answeredWithinSla: number;
  /** answered within the SLA over all arrivals: an abandoned conversation is a miss */
  slaAttainment: number;
  /** nearest rank over the answered conversations; null when none was answered */
  firstResponseMinutes: { p50: number | null; p90: number | null; p99: number | null };
}

export interface LanguageFigures extends ResponseFigures {
  language: string;
}

export interface HourFigures {
  hour: number;
  arrivals: number;
  /** the most conversations waiting at once in the hour */
  queued: number;
  /** the most agents signed in at once in the hour */
  agents: number;
  /** over the conversations that arrived in the hour and were answered */
  p90FirstResponseMinutes: number | null;
}

export interface ReplayFigures extends ResponseFigures {
  byLanguage: LanguageFigures[];
  /** busy conversation slots over the slots of signed-in agents */
  utilisation: number;
  maxQueued: number;
  hourly: HourFigures[];
}

/** planning.md's figures from what the replay measured. */
export function replayFigures(outcome: EngineOutcome, start: number, slaMinutes: number): ReplayFigures {
  const all = outcome.conversations;
  const languages = new Map<string, SimConversation[]>();
  const hours: SimConversation[][] = [];
  for (const c of all) {
    const list = languages.get(c.arrival.language) ?? [];
    list.push(c);
    languages.set(c.arrival.language, list);
    const hour = Math.max(0, Math.floor((c.arrival.at - start) / HOUR_MS));
    (hours[hour] ??= []).push(c);
  }
  const hourCount = Math.max(hours.length, outcome.hourlyQueued.length);
  return {
    ...responseFigures(all, slaMinutes),
    byLanguage: [...languages.entries()]
      .sort(([, a], [, b]) => b.length - a.length)
      .map(([language, list]) => ({ language, ...responseFigures(list, slaMinutes) })),
    utilisation: outcome.slotMs > 0 ? round(outcome.busyMs / outcome.slotMs) : 0,
    maxQueued: outcome.maxQueued,
    hourly: Array.from({ length: hourCount }, (_, hour) => ({
      hour,
      arrivals: hours[hour]?.length ?? 0,
      queued: outcome.hourlyQueued[hour] ?? 0,
      agents: outcome.hourlyAgents[hour] ?? 0,
      p90FirstResponseMinutes: percentile(waits(hours[hour] ?? []), 0.9),
    })),
  };
}

function responseFigures(list: SimConversation[], slaMinutes: number): ResponseFigures {
  const answeredWaits = waits(list);
  const withinSla = answeredWaits.filter((w) => w <= slaMinutes).length;
  return {
    arrivals: list.length,
    answered: answeredWaits.length,
    abandoned: list.length - answeredWaits.length,
    answeredWithinSla: withinSla,
    slaAttainment: list.length > 0 ? round(withinSla / list.length) : 1,
    firstResponseMinutes: {
      p50: percentile(answeredWaits, 0.5),
      p90: percentile(answeredWaits, 0.9),
      p99: percentile(answeredWaits, 0.99),
    },
  };
}

/** Minutes from arrival to first response of the answered ones, sorted. */
function waits(list: SimConversation[]): number[] {
  const out: number[] = [];
  for (const c of list) if (!Number.isNaN(c.firstResponseAt)) out.push((c.firstResponseAt - c.arrival.at) / MINUTE_MS);
  return out.sort((a, b) => a - b);
}

/** Nearest rank, in minutes to two decimals. */
export function percentile(sorted: number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return Math.round(sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] * 100) / 100;
}

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}
