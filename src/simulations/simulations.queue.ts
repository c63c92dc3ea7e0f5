import { JobOptions } from 'bull';

export const SIMULATIONS_QUEUE = 'simulations';

export const SimulationJob = {
  runReplay: 'run-replay',
} as const;

/** Only the id travels; the input is read from the simulations row. */
export interface RunReplayPayload {
  simulationId: string;
}

export const SIMULATION_JOB_OPTIONS: JobOptions = {
  // A process that dies mid-replay leaves the job stalled; Bull hands it to another process once.
  attempts: 2,
  removeOnComplete: true,
  removeOnFail: 100,
};

export const runReplayJobId = (simulationId: string) => `simulation:${simulationId}`;
