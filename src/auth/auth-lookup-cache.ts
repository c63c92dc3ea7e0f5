import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { Subscription } from 'rxjs';
import { AuthUser } from '../common/auth/auth-user';
import { EventNotificationsListener } from '../events/event-notifications.listener';
import { AuthCacheMetrics } from '../metrics/auth-cache-metrics';
import { AccountStatus } from '../users/user.entity';
import { ACCESS_CHANGING_EVENTS } from './access-changing-events';

/** Enough for every account and browser of a large surge; the least recently used go first. */
export const AUTH_CACHE_MAX_ENTRIES = 10_000;

/**
 * The longest an answer is reused. Only for a change no event announced: one written outside the
 * service, or one whose publish failed in a process that lost Redis while this one kept it. The
 * same bound as AccessWatch's recheck of open streams.
 */
export const AUTH_CACHE_MAX_AGE_MS = 30_000;

/** An answer of the guard's lookup: only an active account's is kept. */
export interface AuthLookup {
  user: AuthUser;
  status: AccountStatus;
  /** A session's end; the answer is not reused past it. */
  expiresAt?: Date;
}

interface Entry {
  lookup: AuthLookup;
  storedAt: number;
}

/**
 * The guard's account and session lookups, kept in memory while the event subscription vouches for
 * them, so a repeated request skips its Postgres round trip.
 *
 * Every change that can cost an account its access records an access-changing event, published
 * once committed and before the request that made it answers; each process forgets the subject's
 * answers when the event arrives. Arriving is the catch: a client that suspends an agent through
 * process A and at once calls process B could reach B before A's message does. So every lookup
 * first waits for `caughtUp()` — a PING on B's subscribed connection, answered only after the
 * messages already queued for B, shared by concurrent requests — which makes any event published
 * before the request was sent land first. That Redis round trip is the price of reusing an answer
 * safely; it is cheaper than the Postgres query and holds no pool connection. When the
 * subscription is down or does not answer in time, every lookup reads Postgres and the cache is
 * emptied (and emptied again when the subscription is back: it missed what was published meanwhile).
 */
@Injectable()
export class AuthLookupCache implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(AuthLookupCache.name);
  private readonly entries = new Map<string, Entry>();
  private delivering = false;
  /** Bumped whenever answers are forgotten: a lookup that read Postgres before that keeps nothing. */
  private generation = 0;
  private readonly subscriptions = new Subscription();
  /** The attempt to open the subscription under way, if any. */
  private opening: Promise<void> | null = null;

  constructor(
    private readonly listener: EventNotificationsListener,
    private readonly metrics: AuthCacheMetrics,
  ) {
    this.subscriptions.add(
      listener.deliveringChanges.subscribe((delivering) => {
        this.delivering = delivering;
        this.forget(() => true);
      }),
    );
    this.subscriptions.add(
      listener.committedEvents.subscribe((event) => {
        if (!ACCESS_CHANGING_EVENTS.has(event.type)) return;
        this.forget((lookup) => event.subjectId === null || lookup.user.id === event.subjectId);
      }),
    );
  }

  /** Subscribed from the start, so the first requests can already be answered from memory. */
  onApplicationBootstrap(): void {
    this.listen();
  }

  /** The answer for `key` from memory when it may be trusted, else `load`'s, kept when its account is active. */
  async read<T extends AuthLookup>(key: string, load: () => Promise<T | null>): Promise<T | null> {
    // A subscription that failed to open is tried again.
    if (!this.delivering) this.listen();
    if (!(await this.listener.caughtUp())) {
      this.metrics.count('bypass');
      return load();
    }
    const entry = this.entries.get(key);
    const now = Date.now();
    if (entry && now - entry.storedAt < AUTH_CACHE_MAX_AGE_MS && (!entry.lookup.expiresAt || entry.lookup.expiresAt.getTime() > now)) {
      this.keep(key, entry);
      this.metrics.count('hit');
      return entry.lookup as T;
    }
    const generation = this.generation;
    const lookup = await load();
    this.metrics.count('miss');
    if (lookup?.status === 'active' && this.generation === generation) this.keep(key, { lookup, storedAt: now });
    return lookup;
  }

  onModuleDestroy(): void {
    this.subscriptions.unsubscribe();
  }

  private listen(): void {
    this.opening ??= this.listener
      .startListening()
      .catch((error: Error) => this.logger.warn(`no event subscription, every check reads Postgres: ${error.message}`))
      .finally(() => (this.opening = null));
  }

  private keep(key: string, entry: Entry): void {
    // Every request answered from memory shares this object.
    Object.freeze(entry.lookup.user);
    // Re-inserted: a Map iterates in insertion order, so the first key is the least recently used.
    this.entries.delete(key);
    this.entries.set(key, entry);
    if (this.entries.size > AUTH_CACHE_MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
  }

  /** A scan: access-changing events are rare (log-outs, suspensions, surge ends) and the map is capped. */
  private forget(concerned: (lookup: AuthLookup) => boolean): void {
    this.generation++;
    for (const [key, entry] of this.entries) if (concerned(entry.lookup)) this.entries.delete(key);
  }
}
