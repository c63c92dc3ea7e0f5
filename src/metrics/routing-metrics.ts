import { Injectable } from '@nestjs/common';
import { Counter, Histogram } from 'prom-client';
import { MetricsRegistry } from './metrics-registry';

/** From seconds to a day: a conversation requeued hours later keeps the age of its first message. */
const LATENCY_BUCKETS_SECONDS = [0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 300, 900, 1800, 3600, 4 * 3600, 24 * 3600];

/** Observed by the routing service where an assignment is recorded. */
@Injectable()
export class RoutingMetrics {
  private readonly latency: Histogram<'rule'>;
  private readonly assignments: Counter<'rule'>;

  constructor(metrics: MetricsRegistry) {
    this.latency = new Histogram({
      name: 'surgeline_routing_latency_seconds',
      help: "From a conversation's first message being received to its assignment to an agent",
      labelNames: ['rule'],
      buckets: LATENCY_BUCKETS_SECONDS,
      registers: [metrics.registry],
    });
    this.assignments = new Counter({
      name: 'surgeline_assignments_total',
      help: 'Assignments made, by the routing rule that decided them',
      labelNames: ['rule'],
      registers: [metrics.registry],
    });
  }

  observeAssignment(ruleName: string, receivedAt: Date, assignedAt: Date): void {
    const seconds = Math.max(0, (assignedAt.getTime() - receivedAt.getTime()) / 1000);
    this.latency.observe({ rule: ruleName }, seconds);
    this.assignments.inc({ rule: ruleName });
  }
}
