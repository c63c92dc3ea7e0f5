import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { AppConfigService } from '../../config/app-config.service';
import { RoutingDemand } from './routing-demand';

/** In a burst one wake-up per this interval keeps every other pump busy; more would only cost Redis commands. */
const MIN_INTERVAL_MS = 20;

/**
 * Tells the pumps of the other processes that work was added to the queue, so they share it: one
 * Redis publish after the commit, at most one per MIN_INTERVAL_MS per process. It is only a hint:
 * the process that added the work decides it anyway, and with Redis down each process routes its
 * own work and the periodic reconcile the rest.
 */
@Injectable()
export class RoutingWakeBroadcast implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(RoutingWakeBroadcast.name);
  private readonly channel: string;
  private readonly sender = randomUUID();
  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  private lastPublishAt = 0;
  private trailing: NodeJS.Timeout | undefined;

  constructor(
    private readonly demand: RoutingDemand,
    config: AppConfigService,
  ) {
    this.channel = `${config.get('BULL_PREFIX')}:routing-wake`;
    const options = { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0 };
    this.publisher = new Redis(config.get('REDIS_URL'), { ...options, connectionName: 'surgeline-routing-wake' });
    this.subscriber = new Redis(config.get('REDIS_URL'), { lazyConnect: true, connectionName: 'surgeline-routing-wake-listener' });
    for (const client of [this.publisher, this.subscriber]) client.on('error', () => undefined); // ioredis reconnects by itself
    this.subscriber.on('message', (_channel: string, sender: string) => {
      if (sender !== this.sender) this.demand.queueGrew();
    });
  }

  onModuleInit(): void {
    void this.publisher.connect().catch(() => undefined);
    // ioredis subscribes again on every reconnection.
    this.subscriber.subscribe(this.channel).catch((error: Error) => this.logger.warn(`routing wake-ups from other processes not received: ${error.message}`));
  }

  async onModuleDestroy(): Promise<void> {
    clearTimeout(this.trailing);
    this.publisher.disconnect();
    this.subscriber.disconnect();
  }

  /** Work was added to the queue and committed. */
  queueGrew(): void {
    const wait = this.lastPublishAt + MIN_INTERVAL_MS - Date.now();
    if (wait <= 0) return this.publish();
    this.trailing ??= setTimeout(() => this.publish(), wait);
  }

  private publish(): void {
    clearTimeout(this.trailing);
    this.trailing = undefined;
    this.lastPublishAt = Date.now();
    // A lost hint costs only sharing: the work is routed here and found by the reconcile.
    this.publisher.publish(this.channel, this.sender).catch(() => undefined);
  }
}
