import { Global, Module } from '@nestjs/common';
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
  ],
  exports: [RoutingMetrics],
})
export class MetricsModule {}
