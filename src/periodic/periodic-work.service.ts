import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown, OnModuleDestroy } from '@nestjs/common';
import { AppConfigService } from '../config/app-config.service';
import { AdvisoryLeaderLocks } from './advisory-leader-locks';
import { PERIODIC_TASKS, PeriodicPass, PeriodicTaskName } from './periodic-tasks';

/** How long shutdown waits for a pass in flight before closing the connections under it. */
const SHUTDOWN_WAIT_MS = 5000;

type PassRunner = (pass: PeriodicPass) => Promise<void>;

interface ScheduledTask {
  name: PeriodicTaskName;
  run: PassRunner;
  timer?: NodeJS.Timeout;
  inFlight?: Promise<void>;
  leading: boolean;
  lastFailure?: string;
}

/**
 * Runs the periodic tasks of PERIODIC_TASKS on a timer in every process; each interval, the process
 * holding the task's advisory lock in Postgres runs it. The schedule lives in the processes, not in
 * Redis: the safety net that rebuilds what Redis lost cannot be lost with it. A pass still running
 * when the next is due is not doubled; the first pass runs at start.
 */
@Injectable()
export class PeriodicWork implements OnApplicationBootstrap, OnModuleDestroy, OnApplicationShutdown {
  private readonly logger = new Logger(PeriodicWork.name);
  private readonly tasks = new Map<PeriodicTaskName, ScheduledTask>();
  private readonly locks: AdvisoryLeaderLocks;
  private stopped = false;

  constructor(private readonly config: AppConfigService) {
    this.locks = new AdvisoryLeaderLocks(config.get('DATABASE_URL'));
  }

  /** Called by the task's owner while modules initialise; the timers start once the application has. */
  register(name: PeriodicTaskName, run: PassRunner): void {
    if (this.tasks.has(name)) throw new Error(`periodic task ${name} registered twice`);
    this.tasks.set(name, { name, run, leading: false });
  }

  onApplicationBootstrap(): void {
    for (const task of this.tasks.values()) {
      const every = this.config.get(PERIODIC_TASKS[task.name].interval);
      task.timer = setInterval(() => this.tick(task), every);
      // The timer alone must not keep a process alive that is otherwise done.
      task.timer.unref();
      this.tick(task);
    }
  }

  /** Before the data source and the queues close: no new pass, and the one in flight finishes. */
  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    for (const task of this.tasks.values()) clearInterval(task.timer);
    const inFlight = [...this.tasks.values()].flatMap((task) => (task.inFlight ? [task.inFlight] : []));
    let timeout: NodeJS.Timeout | undefined;
    await Promise.race([Promise.all(inFlight), new Promise((resolve) => (timeout = setTimeout(resolve, SHUTDOWN_WAIT_MS)))]);
    clearTimeout(timeout);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.locks.close();
  }

  /** For tests and operators: runs the task's pass now if this process leads it. */
  runNow(name: PeriodicTaskName): Promise<void> {
    const task = this.tasks.get(name);
    if (!task) throw new Error(`periodic task ${name} is not registered`);
    this.tick(task);
    return task.inFlight ?? Promise.resolve();
  }

  private tick(task: ScheduledTask): void {
    if (this.stopped || task.inFlight) return;
    task.inFlight = this.pass(task).finally(() => (task.inFlight = undefined));
  }

  private async pass(task: ScheduledTask): Promise<void> {
    let leads: boolean;
    try {
      leads = await this.locks.lead(PERIODIC_TASKS[task.name].lockKey);
    } catch (error) {
      task.leading = false;
      this.reportFailure(task, `cannot hold an election in Postgres: ${(error as Error).message}`);
      return;
    }
    if (leads !== task.leading) this.logger.log(`${leads ? 'leading' : 'no longer leading'} periodic task ${task.name}`);
    const newlyElected = leads && !task.leading;
    task.leading = leads;
    if (!leads) return;
    try {
      await task.run({ newlyElected });
      if (task.lastFailure) this.logger.log(`periodic task ${task.name} runs again`);
      task.lastFailure = undefined;
    } catch (error) {
      this.reportFailure(task, (error as Error).message);
    }
  }

  /** Once per distinct failure: a dependency down for minutes must not flood the log. */
  private reportFailure(task: ScheduledTask, message: string): void {
    if (task.lastFailure !== message) this.logger.warn(`periodic task ${task.name} failed: ${message}`);
    task.lastFailure = message;
  }
}
