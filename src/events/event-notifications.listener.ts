import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import Redis from 'ioredis';
import { BehaviorSubject, distinctUntilChanged, Observable, Subject } from 'rxjs';
import { AppConfigService } from '../config/app-config.service';
import { Draining } from '../lifecycle/draining';
import { decodeEvents, eventsChannel } from './event-channel';
import { EventRow } from './events.repository';

/** How long caughtUp() waits for Redis before answering that it cannot tell. */
const CATCH_UP_TIMEOUT_MS = 250;

/**
 * One Redis subscription per process receives the events every process publishes after its commits
 * (EventPublisher) and fans them out to this process's live subscribers. It is opened by the first
 * subscriber, so processes nobody watches hold no extra connection; ioredis reconnects and it
 * subscribes again. Events published while it is down are not replayed: the stream is for
 * live dashboards, GET /events is the record; a cache kept fresh by these events watches
 * `deliveringChanges` and distrusts itself meanwhile.
 */
@Injectable()
export class EventNotificationsListener implements OnModuleDestroy {
  private readonly logger = new Logger(EventNotificationsListener.name);
  private readonly events = new Subject<EventRow>();
  private readonly delivering = new BehaviorSubject(false);
  private subscriber: Redis | null = null;
  private listening: Promise<void> | null = null;
  private stopped = false;
  /** Callers of caughtUp() waiting for the next PING; the one in flight may predate their publish. */
  private waiting: ((caughtUp: boolean) => void)[] = [];
  private pinging = false;

  constructor(
    private readonly config: AppConfigService,
    draining: Draining,
  ) {
    // Streams end as soon as the process starts draining, so their clients reconnect elsewhere.
    draining.begun.subscribe(() => this.stopDelivering());
  }

  /** Committed events, in the order they were published; completes when the application shuts down. */
  get committedEvents(): Observable<EventRow> {
    return this.events.asObservable();
  }

  /**
   * Whether every event published from now on will be delivered: false until the subscription is
   * open, while Redis reconnects, and once the process drains. Emits the current state at once.
   */
  get deliveringChanges(): Observable<boolean> {
    return this.delivering.pipe(distinctUntilChanged());
  }

  /** Resolves once this process is subscribed: every event committed from then on will be delivered. */
  startListening(): Promise<void> {
    this.listening ??= this.subscribe().catch((error: Error) => {
      this.listening = null;
      throw error;
    });
    return this.listening;
  }

  /**
   * True once every event whose publish completed before this call has been delivered to
   * `committedEvents`; false when that cannot be told (not subscribed, or no answer in time).
   * A PING on the subscribed connection is answered after the messages Redis already queued for
   * it, and ioredis hands replies over in order. Concurrent callers share one PING.
   */
  caughtUp(): Promise<boolean> {
    if (!this.delivering.value) return Promise.resolve(false);
    return new Promise((resolve) => {
      this.waiting.push(resolve);
      void this.pingForWaiting();
    });
  }

  async onModuleDestroy(): Promise<void> {
    await this.subscriber?.quit().catch(() => undefined);
    this.stopDelivering();
  }

  private async subscribe(): Promise<void> {
    // Subscribed again by hand after a reconnection, not by ioredis's autoResubscribe, so that
    // `delivering` turns true only once Redis has confirmed the subscription.
    const subscriber = new Redis(this.config.get('REDIS_URL'), { lazyConnect: true, autoResubscribe: false, connectionName: 'surgeline-events-listener' });
    let reconnecting = false;
    subscriber.on('error', (error: Error) => this.logger.warn(`event subscription: ${error.message}`));
    subscriber.on('message', (_channel: string, message: string) => this.deliver(message));
    subscriber.on('close', () => {
      reconnecting = true;
      this.delivering.next(false);
    });
    subscriber.on('ready', () => {
      if (reconnecting) this.subscribeChannel(subscriber).catch((error: Error) => this.logger.warn(`event subscription: ${error.message}`));
    });
    this.subscriber = subscriber;
    await this.subscribeChannel(subscriber).catch((error: unknown) => {
      // The next startListening() opens a new connection; this one must not reconnect beside it.
      subscriber.disconnect();
      this.subscriber = null;
      throw error;
    });
  }

  private async subscribeChannel(subscriber: Redis): Promise<void> {
    await subscriber.subscribe(eventsChannel(this.config.get('BULL_PREFIX')));
    this.delivering.next(!this.stopped);
  }

  private async pingForWaiting(): Promise<void> {
    if (this.pinging || this.waiting.length === 0) return;
    this.pinging = true;
    const batch = this.waiting;
    this.waiting = [];
    const caughtUp = await this.ping();
    for (const resolve of batch) resolve(caughtUp);
    this.pinging = false;
    void this.pingForWaiting();
  }

  private async ping(): Promise<boolean> {
    const subscriber = this.subscriber;
    if (!subscriber || !this.delivering.value) return false;
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), CATCH_UP_TIMEOUT_MS)));
    const answered = subscriber.ping().then(
      // A reconnection in between may have lost messages: the answer counts only if still subscribed.
      () => this.delivering.value,
      () => false,
    );
    const caughtUp = await Promise.race([answered, timedOut]);
    clearTimeout(timer);
    return caughtUp;
  }

  private stopDelivering(): void {
    this.stopped = true;
    this.events.complete();
    this.delivering.next(false);
  }

  private deliver(message: string): void {
    try {
      for (const row of decodeEvents(message)) this.events.next(row);
    } catch (error) {
      this.logger.warn(`unreadable event message skipped: ${(error as Error).message}`);
    }
  }
}
