import { AgentKindName } from '../../routing/engine/engine.types';
import { DEFAULT_CONCURRENCY, StaffingPlan } from '../../staffing/model/staffing-plan';
import { SeededRandom, WeightedPicker } from './random';
import { HOUR_MS, Scenario } from './scenario';
import { parseHoursOfDay } from './scenario-validator';

const DAY_MS = 24 * HOUR_MS;

export interface Shift {
  start: number;
  /** Infinity: stays until the replay ends */
  end: number;
}

/** An agent of the replay and when it works. */
export interface RosterAgent {
  id: string;
  kind: AgentKindName;
  languages: { code: string; level: number }[];
  skills: { name: string; level: number }[];
  maxConcurrent: number;
  shifts: Shift[];
}

/**
 * The scenario's own roster: staff on their hours of the day, every day; volunteers enrolling at
 * the scenario's rate, each working one `shiftHours` shift a day from the first full hour after it
 * enrolled. Shifts run on past the scenario's end (by the patience, plus a day) so the queue drains.
 */
export function scenarioRoster(scenario: Scenario, start: number, hours: number, seed: number): RosterAgent[] {
  const random = new SeededRandom(seed ^ 0x5eed);
  const until = start + hours * HOUR_MS + scenario.patienceMinutes * 60_000 + DAY_MS;
  const agents: RosterAgent[] = [];
  (scenario.roster.staff ?? []).forEach((group, g) => {
    const { from, to } = parseHoursOfDay(group.hours);
    const shifts: Shift[] = [];
    for (let day = Math.floor(start / DAY_MS) * DAY_MS - DAY_MS; day < until; day += DAY_MS) {
      shifts.push({ start: day + from * HOUR_MS, end: day + to * HOUR_MS });
    }
    const merged = clip(merge(shifts), start, until);
    for (let i = 0; i < group.count; i++) {
      agents.push({
        id: `s${pad(g, 3)}-${pad(i, 5)}`,
        kind: 'staff',
        languages: group.languages.map((code) => ({ code, level: 5 })),
        skills: group.skills ?? [],
        maxConcurrent: group.maxConcurrent ?? DEFAULT_CONCURRENCY,
        shifts: merged,
      });
    }
  });
  const volunteers = scenario.roster.volunteers;
  if (volunteers) {
    const languages = WeightedPicker.of(volunteers.languages);
    let carry = 0;
    let n = 0;
    for (let h = 0; h < Math.min(volunteers.enrollPerHour.length, hours); h++) {
      carry += volunteers.enrollPerHour[h];
      for (; carry >= 1; carry -= 1) {
        const enrolledAt = start + (h + random.next()) * HOUR_MS;
        const first = Math.ceil(enrolledAt / HOUR_MS) * HOUR_MS;
        const shifts: Shift[] = [];
        for (let s = first; s < until; s += DAY_MS) shifts.push({ start: s, end: s + volunteers.shiftHours * HOUR_MS });
        agents.push({
          id: `v${pad(n++, 6)}`,
          kind: 'volunteer',
          languages: [{ code: languages.pick(random), level: 5 }],
          skills: [],
          maxConcurrent: volunteers.maxConcurrent ?? DEFAULT_CONCURRENCY,
          shifts,
        });
      }
    }
  }
  return agents;
}

/**
 * The plan's staffing: per language, agent i works every bucket whose `neededAgents` exceeds i,
 * with the language's planned concurrency. The last bucket's staffing stays until the queue drains.
 * 'und' work may go to anyone, so its agents speak English.
 */
export function planRoster(plan: StaffingPlan): RosterAgent[] {
  const byLanguage = new Map<string, { needed: number[]; concurrency: number }>();
  plan.buckets.forEach((bucket, b) => {
    for (const cell of bucket.languages) {
      const entry = byLanguage.get(cell.language) ?? { needed: new Array<number>(plan.buckets.length).fill(0), concurrency: cell.agentConcurrency };
      entry.needed[b] = cell.neededAgents;
      byLanguage.set(cell.language, entry);
    }
  });
  const agents: RosterAgent[] = [];
  for (const [language, { needed, concurrency }] of [...byLanguage.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const peak = Math.max(0, ...needed);
    for (let i = 0; i < peak; i++) {
      const shifts: Shift[] = [];
      plan.buckets.forEach((bucket, b) => {
        if (needed[b] > i) shifts.push({ start: bucket.start.getTime(), end: b === plan.buckets.length - 1 ? Infinity : bucket.end.getTime() });
      });
      agents.push({
        id: `p-${language}-${pad(i, 5)}`,
        kind: 'volunteer',
        languages: [{ code: language === 'und' ? 'en' : language, level: 5 }],
        skills: [],
        maxConcurrent: Math.max(1, Math.round(concurrency)),
        shifts: merge(shifts),
      });
    }
  }
  return agents;
}

/** Agents of the roster speaking `language` whose shift overlaps [from, to). */
export function agentsOnDuty(roster: RosterAgent[], language: string, from: number, to: number): RosterAgent[] {
  return roster.filter(
    (a) =>
      (language === 'und' || a.languages.some((l) => l.code === language)) && a.shifts.some((s) => s.start < to && s.end > from),
  );
}

function merge(shifts: Shift[]): Shift[] {
  const sorted = [...shifts].sort((a, b) => a.start - b.start);
  const out: Shift[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}

function clip(shifts: Shift[], from: number, to: number): Shift[] {
  return shifts
    .map((s) => ({ start: Math.max(s.start, from), end: Math.min(s.end, to) }))
    .filter((s) => s.end > s.start);
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}
