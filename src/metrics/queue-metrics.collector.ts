import { getQueueToken } from '@nestjs/bull';
import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Job, Queue } from 'bull';
import { Counter, Gauge } from 'prom-client';
import { MetricsRegistry } from './metrics-registry';
import { MONITORED_QUEUES } from './monitored-queues';

const JOB_STATES = ['waiting', 'active', 'delayed', 'completed', 'failed', 'paused'] as const;

/**
 * Bull job counts per queue and state, read from Redis on each scrape (so they cover every
 * process), and failed attempts of the jobs this process ran, counted as they happen. A scrape
 * while Redis cannot answer (down, or refusing commands when full) leaves the counts out rather
 * than failing: the other metrics matter most exactly then.
 */
@Injectable()
export class QueueMetricsCollector implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(QueueMetricsCollector.name);
  private readonly queues: Queue[] = [];
  private readonly failures: Counter<'queue'>;
  private readonly onFailed = new Map<Queue, (job: Job, error: Error) => void>();

  constructor(
    private readonly moduleRef: ModuleRef,
    metrics: MetricsRegistry,
  ) {
    const queues = this.queues;
    const logger = this.logger;
    new Gauge({
      name: 'surgeline_queue_jobs',
      help: 'Bull jobs by queue and state (completed and failed jobs are kept only up to each queue\'s retention)',
      labelNames: ['queue', 'state'],
      registers: [metrics.registry],
      async collect() {
        this.reset();
        for (const queue of queues) {
          try {
            const counts = (await queue.getJobCounts()) as unknown as Record<string, number>;
            for (const state of JOB_STATES) this.set({ queue: queue.name, state }, counts[state] ?? 0);
          } catch (error) {
            logger.warn(`job counts of queue ${queue.name} left out of the metrics: ${(error as Error).message}`);
          }
        }
      },
    });
    this.failures = new Counter({
      name: 'surgeline_queue_job_failures_total',
      help: 'Failed job attempts in this process, by queue (a retried job counts once per failed attempt)',
      labelNames: ['queue'],
      registers: [metrics.registry],
    });
  }

  onModuleInit(): void {
    for (const name of MONITORED_QUEUES) {
      const queue = this.findQueue(name);
      if (!queue) continue;
      const onFailed = () => this.failures.inc({ queue: name });
      queue.on('failed', onFailed);
      this.onFailed.set(queue, onFailed);
      this.failures.inc({ queue: name }, 0);
      this.queues.push(queue);
    }
  }

  onModuleDestroy(): void {
    for (const [queue, onFailed] of this.onFailed) queue.removeListener('failed', onFailed);
  }

  private findQueue(name: string): Queue | null {
    try {
      return this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
    } catch {
      return null;
    }
  }
}
