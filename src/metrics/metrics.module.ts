import { Global, Module } from '@nestjs/common';
import { AfterCommitMetrics } from './after-commit-metrics';
import { AuthCacheMetrics } from './auth-cache-metrics';
import { HttpMetrics } from './http-metrics';
import { MetricsAccess } from './metrics-access';
import { MetricsRegistry } from './metrics-registry';
import { MetricsController } from './metrics.controller';
import { QueueMetricsCollector } from './queue-metrics.collector';
import { RoutingMetrics } from './routing-metrics';
import { WorkMetricsCollector } from './work-metrics.collector';
import { WorkMetricsRepository } from './work-metrics.repository';

/** Global so the routing service and the auth guard can count without their modules importing this one. */
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
    AuthCacheMetrics,
  ],
  exports: [RoutingMetrics, AfterCommitMetrics, AuthCacheMetrics],
})
export class MetricsModule {}
