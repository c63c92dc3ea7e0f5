import { InjectQueue } from '@nestjs/bull';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Queue } from 'bull';
import { conflict, notFound } from '../common/errors/domain-error';
import { toRuleFields } from '../routing/rules/routing-rule.mapper';
import { parseScenario } from '../staffing/staffing.service';
import { CreateSimulationDto } from './dto/create-simulation.dto';
import { SimulationViewDto } from './dto/simulation-view.dto';
import { readCurrentRules, whatIfRules } from './replay-sources';
import { isRecorded } from './replay/scenario';
import { RunReplayPayload, runReplayJobId, SIMULATION_JOB_OPTIONS, SIMULATIONS_QUEUE, SimulationJob } from './simulations.queue';
import { SimulationRow, SimulationsRepository } from './simulations.repository';

@Injectable()
export class SimulationsService implements OnApplicationBootstrap {
  private readonly logger = new Logger(SimulationsService.name);

  constructor(
    private readonly simulations: SimulationsRepository,
    @InjectQueue(SIMULATIONS_QUEUE) private readonly queue: Queue,
  ) {}

  /** A replay whose job Redis lost is still running in Postgres: hand it to the queue again at start. */
  async onApplicationBootstrap(): Promise<void> {
    try {
      for (const id of await this.simulations.runningIds()) await this.enqueue(id);
    } catch (error) {
      this.logger.warn(`Could not re-enqueue running simulations: ${(error as Error).message}`);
    }
  }

  /** Stores the request with the rules it runs by (the current ones unless given) and queues it. */
  async start(dto: CreateSimulationDto, requestedBy: string): Promise<{ id: string }> {
    const scenario = parseScenario(dto.scenario);
    if (isRecorded(scenario.arrivals) && !(await this.simulations.incidentExists(scenario.arrivals.fromIncident))) {
      throw notFound('Incident', scenario.arrivals.fromIncident);
    }
    const rules = dto.rules ? whatIfRules(dto.rules.map(toRuleFields)) : await readCurrentRules(this.simulations.query);
    const id = await this.simulations.insert({ scenario, staffing: dto.staffing ?? 'scenario', rules, seed: dto.seed }, requestedBy);
    // Committed above; a Redis failure here leaves the row running, and the next start queues it again.
    await this.enqueue(id).catch((error: Error) => this.logger.warn(`Simulation ${id} not queued yet: ${error.message}`));
    return { id };
  }

  async view(id: string): Promise<SimulationViewDto> {
    const row = await this.simulations.find(id);
    if (!row) throw notFound('Simulation', id);
    return toView(row);
  }

  async chartSvg(id: string): Promise<string> {
    const row = await this.simulations.chartSvg(id);
    if (!row) throw notFound('Simulation', id);
    if (row.svg === null) throw conflict(`Simulation ${id} is ${row.status}: its chart exists once it is done`);
    return row.svg;
  }

  private async enqueue(id: string): Promise<void> {
    await this.queue.add(SimulationJob.runReplay, { simulationId: id } satisfies RunReplayPayload, {
      ...SIMULATION_JOB_OPTIONS,
      jobId: runReplayJobId(id),
    });
  }
}

function toView(row: SimulationRow): SimulationViewDto {
  return {
    id: row.id,
    status: row.status,
    progress: row.progress,
    result: row.result as unknown as Record<string, unknown> | null,
    error: row.error,
    createdAt: new Date(row.createdAt).toISOString(),
    finishedAt: row.finishedAt ? new Date(row.finishedAt).toISOString() : null,
    chartUrl: `/api/v1/simulations/${row.id}/chart.svg`,
  };
}
