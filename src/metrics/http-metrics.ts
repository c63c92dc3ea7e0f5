import { INestApplication, Injectable } from '@nestjs/common';
import { NextFunction, Request, RequestHandler, Response } from 'express';
import { Histogram } from 'prom-client';
import { MetricsRegistry } from './metrics-registry';

/** Requests no route matched share one label: raw URLs would give every scanner its own time series. */
const UNMATCHED_ROUTE = 'unmatched';

/**
 * Times every request until its response is finished or aborted. Express middleware mounted
 * before any route (see timeHttpRequests), rather than a Nest interceptor or prefixed Nest
 * middleware: requests refused by the guards (401, 403), routes outside the API prefix and
 * requests matching no route are timed too. The route label is the pattern the router matched
 * (`/api/v1/conversations/:id`), read once the response has ended.
 */
@Injectable()
export class HttpMetrics {
  private readonly durations: Histogram<'method' | 'route' | 'status'>;

  constructor(metrics: MetricsRegistry) {
    this.durations = new Histogram({
      name: 'surgeline_http_request_duration_seconds',
      help: 'HTTP request durations by method, route pattern and status code',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [metrics.registry],
    });
  }

  readonly middleware: RequestHandler = (request: Request, response: Response, next: NextFunction) => {
    const stopTimer = this.durations.startTimer({ method: request.method });
    response.once('close', () => stopTimer({ route: routePattern(request), status: String(response.statusCode) }));
    next();
  };
}

/** Called from configureApp before the application initialises, so it runs ahead of every route. */
export function timeHttpRequests(app: INestApplication): void {
  app.use(app.get(HttpMetrics).middleware);
}

/** The matched route, else the mount path of the static files that answered (`/status`), else unmatched. */
function routePattern(request: Request): string {
  const route = (request as Request & { route?: { path?: unknown } }).route;
  if (typeof route?.path === 'string') return `${request.baseUrl}${route.path}`;
  return request.baseUrl || UNMATCHED_ROUTE;
}
