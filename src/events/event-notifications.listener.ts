import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { Client } from 'pg';
import { Observable, Subject } from 'rxjs';
import { AppConfigService } from '../config/app-config.service';
import { EventRow, EventsRepository } from './events.repository';
import { EVENTS_CHANNEL } from './events.service';

const RECONNECT_DELAYS_MS = [500, 1000, 2000, 5000, 10_000, 30_000];

/**
 * One dedicated Postgres connection per process LISTENs for committed events (EventsService.record
 * notifies inside the writing transaction, from whichever process wrote it) and fans them out to
 * every live subscriber of this process. It is opened by the first subscriber, so processes nobody
 * watches hold no extra connection. Events committed while the connection is down are not
 * replayed: the stream is for live dashboards, GET /events is the record.
 */
@Injectable()
export class EventNotificationsListener implements OnModuleDestroy {
  private readonly logger = new Logger(EventNotificationsListener.name);
  private readonly events = new Subject<EventRow>();
  private client: Client | null = null;
  private listening: Promise<void> | null = null;
  private pendingIds: string[] = [];
  private delivery: Promise<void> = Promise.resolve();
  private reconnectTimer: NodeJS.Timeout | null = null;
  private failures = 0;
  private stopped = false;

  constructor(
    private readonly config: AppConfigService,
    private readonly repository: EventsRepository,
  ) {}

  /** Committed events, in commit order; completes when the application shuts down. */
  get committedEvents(): Observable<EventRow> {
    return this.events.asObservable();
  }

  /** Resolves once this process LISTENs: every event committed from then on will be delivered. */
  startListening(): Promise<void> {
    this.listening ??= this.connect().catch((error: Error) => {
      this.listening = null;
      throw error;
    });
    return this.listening;
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    await this.client?.end().catch(() => undefined);
    await this.delivery;
    this.events.complete();
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const client = new Client({ connectionString: this.config.get('DATABASE_URL'), application_name: 'surgeline-events-listener' });
    client.on('notification', (message) => message.payload && this.enqueue(message.payload));
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client));
    this.client = client;
    await client.connect();
    await client.query(`LISTEN ${EVENTS_CHANNEL}`);
    this.failures = 0;
  }

  private lost(client: Client, error?: Error): void {
    if (this.stopped || this.client !== client) return;
    this.client = null;
    client.end().catch(() => undefined);
    const delay = RECONNECT_DELAYS_MS[Math.min(this.failures++, RECONNECT_DELAYS_MS.length - 1)];
    this.logger.warn(`event listener connection lost (${error?.message ?? 'closed'}); reconnecting in ${delay} ms`);
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      this.connect().catch((reason: Error) => this.lost(this.client ?? client, reason));
    }, delay);
  }

  /** Notifications arriving together are read with one query; deliveries run one after another to keep order. */
  private enqueue(id: string): void {
    this.pendingIds.push(id);
    if (this.pendingIds.length > 1) return;
    this.delivery = this.delivery.then(() => this.deliverPending());
  }

  private async deliverPending(): Promise<void> {
    const ids = this.pendingIds;
    this.pendingIds = [];
    try {
      for (const row of await this.repository.findByIds(ids)) this.events.next(row);
    } catch (error) {
      this.logger.warn(`could not read ${ids.length} notified event(s): ${(error as Error).message}`);
    }
  }
}
