import { Injectable } from '@nestjs/common';
import { Counter } from 'prom-client';
import { MetricsRegistry } from './metrics-registry';

/** How the guard's account and session lookups were answered (auth/auth-lookup-cache.ts). */
export type AuthLookupOutcome = 'hit' | 'miss' | 'bypass';

@Injectable()
export class AuthCacheMetrics {
  private readonly lookups: Counter<'outcome'>;

  constructor(metrics: MetricsRegistry) {
    this.lookups = new Counter({
      name: 'surgeline_auth_cache_lookups_total',
      help: "The auth guard's account and session lookups: hit (answered from memory), miss (read from Postgres and kept), bypass (read from Postgres because the event subscription could not vouch for memory)",
      labelNames: ['outcome'],
      registers: [metrics.registry],
    });
  }

  count(outcome: AuthLookupOutcome): void {
    this.lookups.inc({ outcome });
  }
}
