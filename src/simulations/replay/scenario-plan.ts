import {
  buildStaffingPlan,
  DEFAULT_CONCURRENCY,
  DemandBucket,
  StaffingPlan,
} from '../../staffing/model/staffing-plan';
import { Arrival, expectedArrivals } from './arrivals';
import { agentsOnDuty, RosterAgent } from './roster';
import { isRecorded, MINUTE_MS, Scenario } from './scenario';

export interface PlanWindow {
  start: number;
  hours: number;
}

/**
 * The plan for a scenario: its expected arrivals per language and bucket (counted, for recorded
 * traffic), its mean handling time, and its roster as the scheduled agents.
 */
export function planForScenario(
  scenario: Scenario,
  window: PlanWindow,
  roster: RosterAgent[],
  options: { bucketMinutes: number; targetAttainment: number; recorded?: Arrival[] },
): StaffingPlan {
  const demand: DemandBucket[] = [];
  const end = window.start + window.hours * 60 * MINUTE_MS;
  const generated = isRecorded(scenario.arrivals) ? null : scenario.arrivals;
  const counted = generated ? null : options.recorded ?? [];
  const languages = generated
    ? Object.keys(generated.languages).filter((l) => generated.languages[l] > 0).sort()
    : [...new Set(counted!.map((a) => a.language))].sort();
  const concurrency = new Map(languages.map((l) => [l, meanConcurrency(roster, l)]));
  for (let from = window.start; from < end; from += options.bucketMinutes * MINUTE_MS) {
    const to = Math.min(from + options.bucketMinutes * MINUTE_MS, end);
    const forecast = generated ? expectedArrivals(scenario, generated, from, to) : countArrivals(counted!, from, to);
    demand.push({
      start: new Date(from),
      end: new Date(to),
      languages: languages.map((language) => ({
        language,
        forecastArrivals: Math.round((forecast.get(language) ?? 0) * 100) / 100,
        meanHandleSeconds: scenario.handleMinutes.mean * 60,
        agentConcurrency: concurrency.get(language)!,
        scheduledAgents: agentsOnDuty(roster, language, from, to).length,
      })),
    });
  }
  return buildStaffingPlan(demand, scenario.slaMinutes, options.targetAttainment);
}

function meanConcurrency(roster: RosterAgent[], language: string): number {
  const speakers = roster.filter((a) => a.languages.some((l) => l.code === language));
  if (speakers.length === 0) return DEFAULT_CONCURRENCY;
  return Math.round((speakers.reduce((sum, a) => sum + a.maxConcurrent, 0) / speakers.length) * 100) / 100;
}

function countArrivals(arrivals: Arrival[], from: number, to: number): Map<string, number> {
  const out = new Map<string, number>();
  for (const a of arrivals) if (a.at >= from && a.at < to) out.set(a.language, (out.get(a.language) ?? 0) + 1);
  return out;
}
