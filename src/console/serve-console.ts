import { INestApplication } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { existsSync } from 'fs';
import { NestExpressApplication } from '@nestjs/platform-express';
import { basename, join, resolve } from 'path';
import { isConsoleRoute, isServicePath } from './console-paths';

/**
 * Where `npm run build` puts the console (vite's outDir): dist/web. From dist/src/console when compiled,
 * from src/console under ts-jest (the e2e tests), so both resolve to the same built files.
 */
function consoleRoot(): string {
  const root = resolve(__dirname, '..', '..');
  return basename(root) === 'dist' ? join(root, 'web') : join(root, 'dist', 'web');
}

export const CONSOLE_ROOT = consoleRoot();
const INDEX_HTML = join(CONSOLE_ROOT, 'index.html');
const NOT_BUILT_HTML =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">' +
  '<title>Surgeline</title></head><body><h1>The console is not built</h1><p>Run <code>npm run build</code>, then restart the service.</p></body></html>';

export function consoleIsBuilt(): boolean {
  return existsSync(INDEX_HTML);
}

/**
 * The web console (web/, built by `npm run build`): its hashed assets under /assets with a long cache,
 * and index.html for every console address so deep links and reloads work. Unknown addresses get the
 * same page with status 404, where the client shows its not-found screen. The API, /docs, /status,
 * /health, /metrics and /admin/queues are left to their own handlers (an unknown /api path keeps its
 * JSON 404). Mounted by configureApp, ahead of Nest's routes, like the status page.
 */
export function serveConsole(app: INestApplication): void {
  const express = app as NestExpressApplication;
  express.useStaticAssets(join(CONSOLE_ROOT, 'assets'), {
    prefix: '/assets',
    immutable: true,
    maxAge: '1y',
    fallthrough: true,
  });
  express.use((request: Request, response: Response, next: NextFunction) => {
    if ((request.method !== 'GET' && request.method !== 'HEAD') || isServicePath(request.path)) return next();
    const status = isConsoleRoute(request.path) ? 200 : 404;
    response.setHeader('Cache-Control', 'no-cache');
    if (!consoleIsBuilt()) {
      response.status(503).type('html').send(NOT_BUILT_HTML);
      return;
    }
    response.status(status).sendFile(INDEX_HTML, (error) => {
      if (error && !response.headersSent) next(error);
    });
  });
}
