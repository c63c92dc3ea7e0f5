import { INestApplication } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { join } from 'path';

/** public/ sits beside src/ in the repository and beside dist/src/ after `nest build` copies it. */
export const STATUS_PAGE_ROOT = join(__dirname, '..', '..', 'public', 'status');

/**
 * The public status page: static HTML that polls GET /api/v1/stats/live, at /status (outside the
 * API prefix). Plain express static, mounted by configureApp: ServeStaticModule picks its loader
 * before a testing module has an HTTP adapter, so it would serve nothing in the e2e tests.
 */
export function serveStatusPage(app: INestApplication): void {
  (app as NestExpressApplication).useStaticAssets(STATUS_PAGE_ROOT, { prefix: '/status', maxAge: 60_000 });
}
