import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Gauge, Registry } from 'prom-client';

/**
 * One registry per application instance, never prom-client's global one: several apps in one
 * process (the e2e tests) would otherwise register the same metric names twice.
 */
@Injectable()
export class MetricsRegistry {
  readonly registry = new Registry();

  constructor() {
    collectDefaultMetrics({ register: this.registry });
    this.dropGaugesNamedLikeCounters();
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  scrape(): Promise<string> {
    return this.registry.metrics();
  }

  /**
   * prom-client's defaults include gauges named `nodejs_active_{handles,requests,resources}_total`, and
   * Prometheus' naming rules (`promtool check metrics`) keep `_total` for counters: a query engine
   * taking them for counters would rate() a gauge. They are the sums of `nodejs_active_handles`,
   * `nodejs_active_requests` and `nodejs_active_resources` over their `type` label, which stay.
   */
  private dropGaugesNamedLikeCounters(): void {
    for (const metric of this.registry.getMetricsAsArray()) {
      if (metric instanceof Gauge && metric.name.endsWith('_total')) this.registry.removeSingleMetric(metric.name);
    }
  }
}
