import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import Redis from 'ioredis';
import { Observable, Subject } from 'rxjs';
import { AppConfigService } from '../config/app-config.service';
import { Draining } from '../lifecycle/draining';
import { decodeEvents, eventsChannel } from './event-channel';
import { EventRow } from './events.repository';

/**
 * One Redis subscription per process receives the events every process publishes after its commits
 * (EventPublisher) and fans them out to this process's live subscribers. It is opened by the first
 * subscriber, so processes nobody watches hold no extra connection; ioredis reconnects and
 * resubscribes by itself. Events published while it is down are not replayed: the stream is for
 * live dashboards, GET /events is the record.
 */
@Injectable()
export class EventNotificationsListener implements OnModuleDestroy {
  private readonly logger = new Logger(EventNotificationsListener.name);
  private readonly events = new Subject<EventRow>();
  private subscriber: Redis | null = null;
  private listening: Promise<void> | null = null;

  constructor(
    private readonly config: AppConfigService,
    draining: Draining,
  ) {
    // Streams end as soon as the process starts draining, so their clients reconnect elsewhere.
    draining.begun.subscribe(() => this.events.complete());
  }

  /** Committed events, in the order they were published; completes when the application shuts down. */
  get committedEvents(): Observable<EventRow> {
    return this.events.asObservable();
  }

  /** Resolves once this process is subscribed: every event committed from then on will be delivered. */
  startListening(): Promise<void> {
    this.listening ??= this.subscribe().catch((error: Error) => {
      this.listening = null;
      throw error;
    });
    return this.listening;
  }

  async onModuleDestroy(): Promise<void> {
    await this.subscriber?.quit().catch(() => undefined);
    this.events.complete();
  }

  private async subscribe(): Promise<void> {
    const subscriber = new Redis(this.config.get('REDIS_URL'), { lazyConnect: true, connectionName: 'surgeline-events-listener' });
    subscriber.on('error', (error: Error) => this.logger.warn(`event subscription: ${error.message}`));
    subscriber.on('message', (_channel: string, message: string) => this.deliver(message));
    this.subscriber = subscriber;
    await subscriber.subscribe(eventsChannel(this.config.get('BULL_PREFIX')));
  }

  private deliver(message: string): void {
    try {
      for (const row of decodeEvents(message)) this.events.next(row);
    } catch (error) {
      this.logger.warn(`unreadable event message skipped: ${(error as Error).message}`);
    }
  }
}
