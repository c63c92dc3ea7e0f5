import { Injectable, NestMiddleware } from '@nestjs/common';
import { NextFunction, Request, Response } from 'express';
import { Histogram } from 'prom-client';
import { MetricsRegistry } from './metrics-registry';

/** Requests no route matched share one label: raw URLs would give every scanner its own time series. */
const UNMATCHED_ROUTE = 'unmatched';

@Injectable()
export class HttpMetrics {
  readonly durations: Histogram<'method' | 'route' | 'status'>;

  constructor(metrics: MetricsRegistry) {
    this.durations = new Histogram({
      name: 'surgeline_http_request_duration_seconds',
      help: 'HTTP request durations by method, route pattern and status code',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [metrics.registry],
    });
  }
}

/**
 * Times every request until its response is finished or aborted. A middleware rather than an
 * interceptor, so requests refused by the guards (401, 403) and by validation are timed too; the
 * route is the pattern the router matched (`/api/v1/conversations/:id`), read when the response ends.
 */
@Injectable()
export class HttpMetricsMiddleware implements NestMiddleware {
  constructor(private readonly metrics: HttpMetrics) {}

  use(request: Request, response: Response, next: NextFunction): void {
    const stopTimer = this.metrics.durations.startTimer({ method: request.method });
    response.once('close', () => stopTimer({ route: routePattern(request), status: String(response.statusCode) }));
    next();
  }
}

function routePattern(request: Request): string {
  const route = (request as Request & { route?: { path?: unknown } }).route;
  return typeof route?.path === 'string' ? `${request.baseUrl}${route.path}` : UNMATCHED_ROUTE;
}
