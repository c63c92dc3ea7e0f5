import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import { Module } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule, ThrottlerOptions } from '@nestjs/throttler';
import Redis from 'ioredis';
import { AppConfigService } from '../config/app-config.service';
import { FailOpenStorage } from './fail-open.storage';
import { isRateLimitedBy, RateLimitName } from './rate-limit.decorator';
import { RateLimitGuard } from './rate-limit.guard';

const MINUTE_MS = 60_000;

/**
 * One counter per limit and tracker, whichever route counts against it (log-in and session share
 * theirs); trackers are hashed so no email or address is stored in Redis.
 */
function limit(name: RateLimitName, options: Omit<ThrottlerOptions, 'name'>): ThrottlerOptions {
  return {
    name,
    skipIf: (context) => !isRateLimitedBy(context.getHandler(), name),
    generateKey: (_context, tracker) => `${name}:${createHash('sha256').update(tracker).digest('base64url')}`,
    ...options,
  };
}

/** Log-in attempts are counted per email too, so guessing one account's password from many addresses fails. */
function emailOf(request: Record<string, any>): string {
  const email: unknown = (request.body as { email?: unknown } | undefined)?.email;
  return typeof email === 'string' ? email.trim().toLowerCase() : '';
}

function throttlers(config: AppConfigService): ThrottlerOptions[] {
  return [
    // The address is counted first: attempts refused for their email still use up the address's budget.
    limit('login-address', { ttl: MINUTE_MS, limit: config.get('RATE_LIMIT_LOGIN_PER_ADDRESS') }),
    limit('login-email', { ttl: MINUTE_MS, limit: config.get('RATE_LIMIT_LOGIN_PER_EMAIL'), getTracker: emailOf }),
    limit('enroll-address', { ttl: MINUTE_MS, limit: config.get('RATE_LIMIT_ENROLL_PER_ADDRESS') }),
    limit('intake', { ttl: 1000, limit: config.get('RATE_LIMIT_INTAKE_PER_SECOND'), getTracker: () => 'all' }),
  ];
}

/** Rate limits shared by every process: the counters live in Redis, under the deployment's prefix. */
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [AppConfigService],
      useFactory: (config: AppConfigService) => {
        const redis = new Redis(config.get('REDIS_URL'), {
          keyPrefix: `${config.get('BULL_PREFIX')}:rate-limit:`,
          connectionName: 'surgeline-rate-limits',
          enableOfflineQueue: false,
          maxRetriesPerRequest: 0,
        });
        // Errors surface (and are logged) per request through FailOpenStorage; ioredis reconnects by itself.
        redis.on('error', () => undefined);
        return { throttlers: throttlers(config), storage: new FailOpenStorage(new ThrottlerStorageRedisService(redis), () => redis.disconnect()) };
      },
    }),
  ],
  providers: [{ provide: APP_GUARD, useClass: RateLimitGuard }],
})
export class RateLimitsModule {}
