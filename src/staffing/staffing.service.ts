import { Injectable } from '@nestjs/common';
import { invalidInput } from '../common/errors/domain-error';
import { DEFAULT_SLA_MINUTES } from '../routing/engine';
import { HOUR_MS, MINUTE_MS } from '../simulations/replay/scenario';
import { planForScenario } from '../simulations/replay/scenario-plan';
import { scenarioRoster } from '../simulations/replay/roster';
import { DEFAULT_SEED } from '../simulations/replay/replay';
import { ScenarioError, validateScenario } from '../simulations/replay/scenario-validator';
import { isRecorded } from '../simulations/replay/scenario';
import { ScenarioPlanRequestDto } from './dto/scenario-plan-request.dto';
import { DEFAULT_PLAN_BUCKET_MINUTES, DEFAULT_TARGET_ATTAINMENT, MAX_PLAN_HOURS, StaffingPlanQueryDto } from './dto/staffing-plan-query.dto';
import { StaffingPlanViewDto } from './dto/staffing-plan-view.dto';
import { buildStaffingPlan, DEFAULT_CONCURRENCY, DEFAULT_HANDLE_SECONDS, DemandBucket, StaffingPlan } from './model/staffing-plan';
import { StaffingRepository } from './staffing.repository';

/** The forecast carries forward the arrival rate of this many recent minutes. */
const FORECAST_WINDOW_MINUTES = 60;

@Injectable()
export class StaffingService {
  constructor(private readonly repository: StaffingRepository) {}

  /** The plan for the coming buckets: recent intake carried forward against the claimed shifts. */
  async planFromRecentIntake(query: StaffingPlanQueryDto): Promise<StaffingPlanViewDto> {
    const from = query.from ? new Date(query.from) : new Date(Math.floor(Date.now() / MINUTE_MS) * MINUTE_MS);
    const to = query.to ? new Date(query.to) : new Date(from.getTime() + 24 * HOUR_MS);
    if (to <= from) throw invalidInput('to must be after from');
    if (to.getTime() - from.getTime() > MAX_PLAN_HOURS * HOUR_MS) throw invalidInput(`to must be at most ${MAX_PLAN_HOURS} hours after from`);
    const [arrivals, handle, concurrency, scheduled, sla] = await Promise.all([
      this.repository.recentArrivals(FORECAST_WINDOW_MINUTES),
      this.repository.meanHandleSeconds(),
      this.repository.agentConcurrency(),
      this.repository.scheduledAgents(from, to, query.bucketMinutes),
      this.repository.currentSlaMinutes(),
    ]);
    const perHour = new Map(arrivals.map((a) => [a.language, (a.value * 60) / FORECAST_WINDOW_MINUTES]));
    const handleOf = new Map(handle.map((h) => [h.language, h.value]));
    const concurrencyOf = new Map(concurrency.map((c) => [c.language, c.value]));
    const scheduledOf = new Map(scheduled.map((s) => [`${new Date(s.start).getTime()}|${s.language}`, s.agents]));
    const languages = [...new Set([...perHour.keys(), ...scheduled.map((s) => s.language)])].sort();
    const demand: DemandBucket[] = [];
    for (let start = from.getTime(); start < to.getTime(); start += query.bucketMinutes * MINUTE_MS) {
      const end = Math.min(start + query.bucketMinutes * MINUTE_MS, to.getTime());
      demand.push({
        start: new Date(start),
        end: new Date(end),
        languages: languages.map((language) => ({
          language,
          forecastArrivals: round2(((perHour.get(language) ?? 0) * (end - start)) / HOUR_MS),
          meanHandleSeconds: Math.round(handleOf.get(language) ?? DEFAULT_HANDLE_SECONDS),
          agentConcurrency: round2(concurrencyOf.get(language) ?? DEFAULT_CONCURRENCY),
          scheduledAgents: scheduledOf.get(`${start}|${language}`) ?? 0,
        })),
      });
    }
    return toView(buildStaffingPlan(demand, sla ?? DEFAULT_SLA_MINUTES, query.targetAttainment));
  }

  /** The plan for a posted scenario: its arrivals against its own roster. */
  planForScenario(request: ScenarioPlanRequestDto): StaffingPlanViewDto {
    const scenario = parseScenario(request.scenario);
    if (isRecorded(scenario.arrivals)) throw invalidInput('scenario.arrivals.fromIncident is for replays; a plan needs generated arrivals');
    const start = Date.parse(scenario.start);
    const seed = scenario.seed ?? DEFAULT_SEED;
    const plan = planForScenario(scenario, { start, hours: scenario.hours }, scenarioRoster(scenario, start, scenario.hours, seed), {
      bucketMinutes: request.bucketMinutes ?? DEFAULT_PLAN_BUCKET_MINUTES,
      targetAttainment: request.targetAttainment ?? DEFAULT_TARGET_ATTAINMENT,
    });
    return toView(plan);
  }
}

/** A scenario checked field by field; a wrong field is a 400 naming it. */
export function parseScenario(input: unknown): ReturnType<typeof validateScenario> {
  try {
    return validateScenario(input, 'scenario');
  } catch (error) {
    if (error instanceof ScenarioError) throw invalidInput(error.message);
    throw error;
  }
}

function toView(plan: StaffingPlan): StaffingPlanViewDto {
  return {
    slaMinutes: plan.slaMinutes,
    targetAttainment: plan.targetAttainment,
    model: plan.model,
    buckets: plan.buckets.map((bucket) => ({
      start: bucket.start.toISOString(),
      end: bucket.end.toISOString(),
      languages: bucket.languages.map((l) => ({
        language: l.language,
        forecastArrivals: l.forecastArrivals,
        meanHandleSeconds: l.meanHandleSeconds,
        agentConcurrency: l.agentConcurrency,
        neededAgents: l.neededAgents,
        scheduledAgents: l.scheduledAgents,
        shortfall: l.shortfall,
        predictedAttainment: l.predictedAttainment,
      })),
    })),
    invites: plan.invites,
  };
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
