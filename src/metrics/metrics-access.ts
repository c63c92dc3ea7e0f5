import { Injectable } from '@nestjs/common';
import { createHash, timingSafeEqual } from 'crypto';
import { unauthenticated } from '../common/errors/domain-error';
import { AppConfigService } from '../config/app-config.service';

/** GET /metrics is open unless METRICS_TOKEN is set; then it takes that exact bearer token (not a user's JWT). */
@Injectable()
export class MetricsAccess {
  private readonly expected: Buffer | null;

  constructor(config: AppConfigService) {
    const token = config.get('METRICS_TOKEN');
    this.expected = token ? digest(token) : null;
  }

  assertAllowed(authorization: string | undefined): void {
    if (!this.expected) return;
    const [scheme, token] = (authorization ?? '').split(' ');
    if (scheme !== 'Bearer' || !token) throw unauthenticated('Missing bearer token (METRICS_TOKEN)');
    // Compare digests: equal lengths, and no timing hint about how much of the token matched.
    if (!timingSafeEqual(digest(token), this.expected)) throw unauthenticated('Invalid metrics token');
  }
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}
