import { Process, Processor } from '@nestjs/bull';
import { Logger } from '@nestjs/common';
import { Job } from 'bull';
import { readRecordedArrivals } from './replay-sources';
import { Replay } from './replay/replay';
import { replayChartSvg } from './replay/replay-chart';
import { isRecorded } from './replay/scenario';
import { RunReplayPayload, SIMULATIONS_QUEUE, SimulationJob } from './simulations.queue';
import { SimulationsRepository } from './simulations.repository';

/** Events replayed between two yields to the event loop: a few milliseconds of work. */
const SLICE_EVENTS = 20_000;
const PROGRESS_EVERY_MS = 500;

@Processor(SIMULATIONS_QUEUE)
export class SimulationsProcessor {
  private readonly logger = new Logger(SimulationsProcessor.name);

  constructor(private readonly simulations: SimulationsRepository) {}

  /**
   * Runs the replay in slices, yielding between them so this process keeps serving requests, and
   * records the progress as it goes. A replay is deterministic, so running it again after a crash
   * gives the same result.
   */
  @Process({ name: SimulationJob.runReplay, concurrency: 1 })
  async runReplay(job: Job<RunReplayPayload>): Promise<void> {
    const { simulationId } = job.data;
    const row = await this.simulations.find(simulationId);
    if (!row || row.status !== 'running') return;
    try {
      const { scenario, staffing, rules, seed } = row.input;
      const recorded = isRecorded(scenario.arrivals) ? await readRecordedArrivals(this.simulations.query, scenario.arrivals.fromIncident) : undefined;
      const replay = new Replay({ scenario, rules, staffing, seed, recorded });
      let reported = Date.now();
      while (!replay.run(SLICE_EVENTS)) {
        await new Promise((resolve) => setImmediate(resolve));
        if (Date.now() - reported >= PROGRESS_EVERY_MS) {
          reported = Date.now();
          await this.simulations.recordProgress(simulationId, Math.round(replay.progress * 1000) / 1000);
        }
      }
      const result = replay.result();
      await this.simulations.finish(simulationId, result, replayChartSvg(`${result.scenario} (seed ${result.seed}, staffing ${result.staffing})`, result.hourly));
    } catch (error) {
      this.logger.error(`Simulation ${simulationId} failed: ${(error as Error).message}`);
      await this.simulations.fail(simulationId, (error as Error).message);
    }
  }
}
