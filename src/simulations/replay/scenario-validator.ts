import { CHANNELS } from '../../routing/engine/engine.types';
import { Scenario } from './scenario';

/** A scenario field that is wrong, named by its path (`scenario.arrivals.total must be ...`). */
export class ScenarioError extends Error {
  constructor(readonly field: string, problem: string) {
    super(`${field} ${problem}`);
  }
}

const LANGUAGE = /^([a-z]{2}|und)$/;
const HOURS_OF_DAY = /^(\d{1,2})-(\d{1,2})$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const SCENARIO_LIMITS = { hours: 336, total: 500_000, curve: 10_000, staff: 100_000 } as const;

type Json = Record<string, unknown>;

/**
 * Checks a parsed scenario and returns it typed. Throws a ScenarioError naming the first wrong
 * field, with `root` as the path's first word (`scenario` in the API, the file name in the CLI).
 */
export function validateScenario(input: unknown, root = 'scenario'): Scenario {
  const s = object(input, root);
  text(s.name, `${root}.name`, 200);
  if (s.seed !== undefined) integer(s.seed, `${root}.seed`, 0, 2 ** 32 - 1);
  const recorded = isObject(s.arrivals) && 'fromIncident' in s.arrivals;
  if (s.start !== undefined || !recorded) {
    text(s.start, `${root}.start`, 40);
    if (Number.isNaN(Date.parse(s.start as string))) throw new ScenarioError(`${root}.start`, 'must be an ISO-8601 date-time');
  }
  if (s.hours !== undefined || !recorded) integer(s.hours, `${root}.hours`, 1, SCENARIO_LIMITS.hours);
  integer(s.slaMinutes, `${root}.slaMinutes`, 1, 10_080);
  integer(s.patienceMinutes, `${root}.patienceMinutes`, 1, 20_160);
  validateArrivals(s.arrivals, `${root}.arrivals`);
  const handle = object(s.handleMinutes, `${root}.handleMinutes`);
  number(handle.mean, `${root}.handleMinutes.mean`, 0.1, 1440);
  number(handle.sd, `${root}.handleMinutes.sd`, 0, 1440);
  validateRoster(s.roster, `${root}.roster`);
  return input as Scenario;
}

function validateArrivals(value: unknown, path: string): void {
  const a = object(value, path);
  if ('fromIncident' in a) {
    if (typeof a.fromIncident !== 'string' || !UUID.test(a.fromIncident)) throw new ScenarioError(`${path}.fromIncident`, 'must be an incident id (UUID)');
    return;
  }
  integer(a.total, `${path}.total`, 1, SCENARIO_LIMITS.total);
  weights(a.curve, `${path}.curve`, SCENARIO_LIMITS.curve);
  mix(a.languages, `${path}.languages`, (key) => LANGUAGE.test(key), 'an ISO 639-1 code or und');
  mix(a.channels, `${path}.channels`, (key) => (CHANNELS as readonly string[]).includes(key), `one of ${CHANNELS.join(', ')}`);
  if (a.flights !== undefined) {
    const f = object(a.flights, `${path}.flights`);
    integer(f.count, `${path}.flights.count`, 1, 9000);
    number(f.share, `${path}.flights.share`, 0, 1);
  }
  if (a.keywords !== undefined) {
    const k = object(a.keywords, `${path}.keywords`);
    for (const [word, share] of Object.entries(k)) {
      text(word, `${path}.keywords key`, 100);
      number(share, `${path}.keywords.${word}`, 0, 1);
    }
  }
}

function validateRoster(value: unknown, path: string): void {
  const r = object(value, path);
  if (r.staff !== undefined) {
    if (!Array.isArray(r.staff) || r.staff.length > 1000) throw new ScenarioError(`${path}.staff`, 'must be an array of at most 1000 groups');
    r.staff.forEach((group, i) => {
      const g = object(group, `${path}.staff.${i}`);
      languageList(g.languages, `${path}.staff.${i}.languages`);
      integer(g.count, `${path}.staff.${i}.count`, 0, SCENARIO_LIMITS.staff);
      hoursOfDay(g.hours, `${path}.staff.${i}.hours`);
      if (g.maxConcurrent !== undefined) integer(g.maxConcurrent, `${path}.staff.${i}.maxConcurrent`, 1, 20);
      if (g.skills !== undefined) skills(g.skills, `${path}.staff.${i}.skills`);
    });
  }
  if (r.volunteers !== undefined) {
    const v = object(r.volunteers, `${path}.volunteers`);
    weights(v.enrollPerHour, `${path}.volunteers.enrollPerHour`, SCENARIO_LIMITS.curve, true);
    mix(v.languages, `${path}.volunteers.languages`, (key) => LANGUAGE.test(key) && key !== 'und', 'an ISO 639-1 code');
    integer(v.shiftHours, `${path}.volunteers.shiftHours`, 1, 12);
    if (v.maxConcurrent !== undefined) integer(v.maxConcurrent, `${path}.volunteers.maxConcurrent`, 1, 20);
  }
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function object(value: unknown, path: string): Json {
  if (!isObject(value)) throw new ScenarioError(path, 'must be an object');
  return value;
}

function text(value: unknown, path: string, max: number): void {
  if (typeof value !== 'string' || value.trim() === '' || value.length > max) {
    throw new ScenarioError(path, `must be a non-empty string of at most ${max} characters`);
  }
}

function number(value: unknown, path: string, min: number, max: number): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    throw new ScenarioError(path, `must be a number between ${min} and ${max}`);
  }
}

function integer(value: unknown, path: string, min: number, max: number): void {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new ScenarioError(path, `must be an integer between ${min} and ${max}`);
  }
}

function weights(value: unknown, path: string, maxLength: number, allZero = false): void {
  if (!Array.isArray(value) || value.length === 0 || value.length > maxLength) {
    throw new ScenarioError(path, `must be an array of 1 to ${maxLength} numbers`);
  }
  value.forEach((w, i) => number(w, `${path}.${i}`, 0, 1e6));
  if (!allZero && !value.some((w) => (w as number) > 0)) throw new ScenarioError(path, 'must have a weight above 0');
}

function mix(value: unknown, path: string, keyOk: (key: string) => boolean, keyRule: string): void {
  const m = object(value, path);
  const keys = Object.keys(m);
  if (keys.length === 0 || keys.length > 200) throw new ScenarioError(path, 'must have 1 to 200 entries');
  for (const key of keys) {
    if (!keyOk(key)) throw new ScenarioError(`${path}.${key}`, `must be keyed by ${keyRule}`);
    number(m[key], `${path}.${key}`, 0, 1e6);
  }
  if (!keys.some((key) => (m[key] as number) > 0)) throw new ScenarioError(path, 'must have a share above 0');
}

function languageList(value: unknown, path: string): void {
  if (!Array.isArray(value) || value.length === 0 || value.length > 20) throw new ScenarioError(path, 'must be an array of 1 to 20 language codes');
  value.forEach((code, i) => {
    if (typeof code !== 'string' || !LANGUAGE.test(code) || code === 'und') throw new ScenarioError(`${path}.${i}`, 'must be an ISO 639-1 code');
  });
}

function skills(value: unknown, path: string): void {
  if (!Array.isArray(value) || value.length > 50) throw new ScenarioError(path, 'must be an array of at most 50 skills');
  value.forEach((skill, i) => {
    const s = object(skill, `${path}.${i}`);
    if (typeof s.name !== 'string' || !/^[a-z0-9_-]{1,40}$/.test(s.name)) throw new ScenarioError(`${path}.${i}.name`, 'must match [a-z0-9_-]{1,40}');
    integer(s.level, `${path}.${i}.level`, 1, 5);
  });
}

function hoursOfDay(value: unknown, path: string): void {
  const m = typeof value === 'string' ? HOURS_OF_DAY.exec(value) : null;
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 24 || Number(m[1]) === Number(m[2])) {
    throw new ScenarioError(path, 'must be hours of the day like "0-24", "8-20" or "22-6"');
  }
}

/** The hours of the day a staff group works: [from, to) with `to` > 24 when it runs past midnight. */
export function parseHoursOfDay(hours: string): { from: number; to: number } {
  const [, a, b] = HOURS_OF_DAY.exec(hours)!;
  const from = Number(a);
  const to = Number(b);
  return { from, to: to > from ? to : to + 24 };
}
