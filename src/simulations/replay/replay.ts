import { RoutingRule } from '../../routing/engine/engine.types';
import { StaffingPlan, weightedAttainment } from '../../staffing/model/staffing-plan';
import { Arrival, generateArrivals } from './arrivals';
import { ReplayEngine } from './replay-engine';
import { ReplayFigures, replayFigures } from './replay-figures';
import { planRoster, RosterAgent, scenarioRoster } from './roster';
import { HOUR_MS, isRecorded, Scenario } from './scenario';
import { planForScenario } from './scenario-plan';

export type Staffing = 'scenario' | 'plan';

export interface ReplayInput {
  scenario: Scenario;
  /** the ruleset to route by; [] = the built-in default only */
  rules: RoutingRule[];
  staffing?: Staffing;
  /** overrides the scenario's seed */
  seed?: number;
  /** the incident's stored conversations when the scenario replays real traffic */
  recorded?: Arrival[];
  bucketMinutes?: number;
  targetAttainment?: number;
}

export interface PlanComparison {
  predictedAttainment: number;
  byLanguage: { language: string; predictedAttainment: number; neededAgentsPeak: number }[];
}

export interface ReplayResult extends ReplayFigures {
  scenario: string;
  seed: number;
  staffing: Staffing;
  start: string;
  hours: number;
  slaMinutes: number;
  rules: number;
  rosterAgents: number;
  plan?: PlanComparison;
}

export const DEFAULT_SEED = 1;
export const DEFAULT_TARGET = 0.985;

/** A replay set up and ready to run in slices (the API reports progress between them). */
export class Replay {
  readonly engine: ReplayEngine;
  readonly roster: RosterAgent[];
  readonly plan: StaffingPlan | null;
  private readonly start: number;
  private readonly hours: number;
  private readonly seed: number;

  constructor(private readonly input: ReplayInput) {
    const { scenario } = input;
    this.seed = input.seed ?? scenario.seed ?? DEFAULT_SEED;
    const arrivals = isRecorded(scenario.arrivals) ? [...(input.recorded ?? [])].sort((a, b) => a.at - b.at) : generateArrivals(scenario, scenario.arrivals, this.seed);
    this.start = scenario.start ? Date.parse(scenario.start) : Math.floor((arrivals[0]?.at ?? 0) / HOUR_MS) * HOUR_MS;
    this.hours = scenario.hours ?? Math.max(1, Math.ceil(((arrivals[arrivals.length - 1]?.at ?? this.start) + 1 - this.start) / HOUR_MS));
    const ownRoster = scenarioRoster(scenario, this.start, this.hours, this.seed);
    this.plan =
      input.staffing === 'plan'
        ? planForScenario(scenario, { start: this.start, hours: this.hours }, ownRoster, {
            bucketMinutes: input.bucketMinutes ?? 60,
            targetAttainment: input.targetAttainment ?? DEFAULT_TARGET,
            recorded: arrivals,
          })
        : null;
    this.roster = this.plan ? planRoster(this.plan) : ownRoster;
    this.engine = new ReplayEngine({
      start: this.start,
      slaMinutes: scenario.slaMinutes,
      patienceMinutes: scenario.patienceMinutes,
      handleMinutes: scenario.handleMinutes,
      arrivals,
      roster: this.roster,
      rules: input.rules,
      seed: this.seed,
    });
  }

  /** Runs at most `budget` events; true when the replay is over. */
  run(budget = Infinity): boolean {
    return this.engine.run(budget);
  }

  get progress(): number {
    return this.engine.progress;
  }

  result(): ReplayResult {
    const figures = replayFigures(this.engine.outcome(), this.start, this.input.scenario.slaMinutes);
    return {
      scenario: this.input.scenario.name,
      seed: this.seed,
      staffing: this.plan ? 'plan' : 'scenario',
      start: new Date(this.start).toISOString(),
      hours: this.hours,
      slaMinutes: this.input.scenario.slaMinutes,
      rules: this.input.rules.length,
      rosterAgents: this.roster.length,
      ...figures,
      ...(this.plan ? { plan: planComparison(this.plan) } : {}),
    };
  }
}

/** Runs a whole replay at once (the CLI, the bench, tests). */
export function runReplay(input: ReplayInput): ReplayResult {
  const replay = new Replay(input);
  replay.run();
  return replay.result();
}

/** What the plan predicts when it is followed, overall and per language, with its peak staffing. */
export function planComparison(plan: StaffingPlan): PlanComparison {
  const cells = plan.buckets.flatMap((b) => b.languages);
  const languages = [...new Set(cells.map((c) => c.language))].sort();
  return {
    predictedAttainment: round(weightedAttainment(cells, (c) => c.attainmentIfPlanned)),
    byLanguage: languages.map((language) => {
      const mine = cells.filter((c) => c.language === language);
      return {
        language,
        predictedAttainment: round(weightedAttainment(mine, (c) => c.attainmentIfPlanned)),
        neededAgentsPeak: Math.max(0, ...mine.map((c) => c.neededAgents)),
      };
    }),
  };
}

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}
