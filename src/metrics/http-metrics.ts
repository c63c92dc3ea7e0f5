import { INestApplication, Injectable } from '@nestjs/common';
import { NextFunction, Request, RequestHandler, Response } from 'express';
import { match, MatchFunction } from 'path-to-regexp';
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

/**
 * The pattern of the route that answered, under the mount path it was reached through
 * (`/admin/queues` + `/queue/:queueName`); else the mount path of the handler that answered (the
 * static files of `/status`, the Bull dashboard refusing a request); else unmatched.
 *
 * Express leaves `request.route` at the last route that matched, also a pass-through route of the
 * application's own router that the request left for a mounted one: for `/admin/queues`, Nest's
 * middleware route `/admin/queues` and then the dashboard mounted at `/admin/queues`, which would give
 * `/admin/queues/admin/queues`. So a route counts only if it matches the path under the mount path,
 * with the router's own matcher and options (case-insensitive, trailing slash allowed).
 */
function routePattern(request: Request): string {
  const base = request.baseUrl;
  const underBase = pathOf(request.originalUrl).slice(base.length) || '/';
  const answered = routePaths(request).find((path) => matcherFor(path)(underBase) !== false);
  if (answered === undefined) return base || UNMATCHED_ROUTE;
  return answered === '/' && base ? base : `${base}${answered}`;
}

function routePaths(request: Request): string[] {
  const path = (request as Request & { route?: { path?: unknown } }).route?.path;
  const paths = Array.isArray(path) ? path : [path];
  return paths.filter((candidate): candidate is string => typeof candidate === 'string');
}

function pathOf(url: string): string {
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}

/** One compiled matcher per declared route path: a bounded set, the application's routes. */
const matchers = new Map<string, MatchFunction<object>>();

function matcherFor(path: string): MatchFunction<object> {
  let matcher = matchers.get(path);
  if (!matcher) {
    matcher = match(path, { decode: false });
    matchers.set(path, matcher);
  }
  return matcher;
}
