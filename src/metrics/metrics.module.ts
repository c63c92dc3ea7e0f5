import { Global, Module } from '@nestjs/common';
import { AfterCommitMetrics } from './after-commit-metrics';
import { HttpMetrics } from './http-metrics';
import { MetricsAccess } from './metrics-access';
import { MetricsRegistry } from './metrics-registry';
import { MetricsController } from './metrics.controller';
import { QueueMetricsCollector } from './queue-metrics.collector';
import { RoutingMetrics } from './routing-metrics';
import { WorkMetricsCollector } from './work-metrics.collector';
import { WorkMetricsRepository } from './work-metrics.repository';

/** Global so the routing service can record assignments without its module importing this one. */
@Global()
@Module({
  controllers: [MetricsController],
  providers: [
    MetricsRegistry,
    MetricsAccess,
    RoutingMetrics,
    WorkMetricsRepository,
    WorkMetricsCollector,
    QueueMetricsCollector,
    HttpMetrics,
    AfterCommitMetrics,
  ],
  exports: [RoutingMetrics, AfterCommitMetrics],
})
export class MetricsModule {}
