import { Module } from '@nestjs/common';
import { ServeStaticModule } from '@nestjs/serve-static';
import { join } from 'path';

/** public/ sits beside src/ in the repository and beside dist/src/ after `nest build` copies it. */
export const STATUS_PAGE_ROOT = join(__dirname, '..', '..', 'public', 'status');

/** The public status page: static HTML that polls GET /api/v1/stats/live (no global prefix, see configure-app). */
@Module({
  imports: [
    ServeStaticModule.forRoot({
      rootPath: STATUS_PAGE_ROOT,
      serveRoot: '/status',
      serveStaticOptions: { maxAge: 60_000, fallthrough: true },
    }),
  ],
})
export class StatusPageModule {}
