import { ChildProcess, fork } from 'child_process';
import { join } from 'path';
import { PhaseConfig } from '../profiles';
import { DriverInit, DriverPhaseResult, FromDriver, SimulatedAgentStats, ToDriver } from './driver-protocol';

type Progress = Extract<FromDriver, { type: 'progress' }>;

/** The bench's handle on bench/driver.ts running as a child process. */
export class DriverProcess {
  private readonly waiters: { type: FromDriver['type']; resolve: (message: FromDriver) => void; reject: (error: Error) => void }[] = [];
  private failure: Error | null = null;

  private constructor(
    private readonly child: ChildProcess,
    private readonly onProgress: (progress: Progress) => void,
  ) {
    child.on('message', (message: FromDriver) => this.receive(message));
    child.on('exit', (code) => this.fail(new Error(`driver exited with ${code}`)));
  }

  static async start(init: DriverInit, onProgress: (progress: Progress) => void): Promise<DriverProcess> {
    const child = fork(join(__dirname, '..', 'driver.ts'), [], {
      execArgv: ['-r', 'ts-node/register/transpile-only'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const driver = new DriverProcess(child, onProgress);
    await driver.request(init, 'ready');
    return driver;
  }

  startAgents(): void {
    this.send({ type: 'start-agents' });
  }

  async runPhase(tag: string, phase: PhaseConfig): Promise<DriverPhaseResult> {
    const done = await this.request({ type: 'phase', tag, phase }, 'phase-done');
    return (done as Extract<FromDriver, { type: 'phase-done' }>).result;
  }

  /** Stops the simulated agents and the process; returns what the agents did. */
  async stop(): Promise<SimulatedAgentStats> {
    const stopped = await this.request({ type: 'stop' }, 'stopped');
    this.child.removeAllListeners('exit');
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.disconnect();
    await exited;
    return (stopped as Extract<FromDriver, { type: 'stopped' }>).agents;
  }

  kill(): void {
    this.child.removeAllListeners('exit');
    if (this.child.exitCode === null) this.child.kill('SIGKILL');
  }

  private send(message: ToDriver): void {
    if (this.failure) throw this.failure;
    this.child.send(message);
  }

  private request(message: ToDriver, answer: FromDriver['type']): Promise<FromDriver> {
    return new Promise((resolve, reject) => {
      if (this.failure) return reject(this.failure);
      this.waiters.push({ type: answer, resolve, reject });
      this.send(message);
    });
  }

  private receive(message: FromDriver): void {
    if (message.type === 'progress') return this.onProgress(message);
    if (message.type === 'error') return this.fail(new Error(`driver: ${message.message}`));
    const index = this.waiters.findIndex((waiter) => waiter.type === message.type);
    if (index >= 0) this.waiters.splice(index, 1)[0].resolve(message);
  }

  private fail(error: Error): void {
    this.failure = error;
    for (const waiter of this.waiters.splice(0)) waiter.reject(error);
  }
}
