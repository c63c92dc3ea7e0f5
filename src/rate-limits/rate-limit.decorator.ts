import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiError } from '../openapi/api-errors.decorator';

/** The limits of api.md's "Failure, limits and hardening"; each is a named throttler. */
export const RATE_LIMITS = ['login-email', 'login-address', 'enroll-address', 'intake'] as const;
export type RateLimitName = (typeof RATE_LIMITS)[number];

const RATE_LIMITED_BY = 'surgeline:rate-limited-by';

/** Counts the route's requests against these limits (over one: 429); routes without it are never counted. */
export const RateLimited = (...limits: RateLimitName[]) => applyDecorators(SetMetadata(RATE_LIMITED_BY, limits), ApiError(429));

/** Whether the handler counts against the limit; read by each throttler's skipIf. */
export function isRateLimitedBy(handler: object, limit: RateLimitName): boolean {
  const limits = Reflect.getMetadata(RATE_LIMITED_BY, handler) as RateLimitName[] | undefined;
  return limits?.includes(limit) ?? false;
}
