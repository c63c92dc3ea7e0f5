import { Injectable, Logger } from '@nestjs/common';
import { AppConfigService } from '../config/app-config.service';
import { OutboundDelivery, OutboundSender } from './outbound-sender';

export const WEBHOOK_TIMEOUT_MS = 10_000;

/**
 * The default sender: POSTs each reply as JSON to OUTBOUND_WEBHOOK_URL, where a channel connector
 * takes it on. Without a URL it only records the delivery (development, demos).
 */
@Injectable()
export class WebhookOutboundSender implements OutboundSender {
  private readonly logger = new Logger(WebhookOutboundSender.name);
  private readonly url: string | undefined;

  constructor(config: AppConfigService) {
    this.url = config.get('OUTBOUND_WEBHOOK_URL');
  }

  async send(delivery: OutboundDelivery): Promise<void> {
    if (!this.url) {
      this.logger.log(`No outbound webhook configured; ${delivery.channel} reply ${delivery.replyId} recorded as delivered`);
      return;
    }
    const response = await fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        replyId: delivery.replyId,
        conversationId: delivery.conversationId,
        channel: delivery.channel,
        handle: delivery.handle,
        text: delivery.text,
      }),
      signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
    });
    // Drain the body so the connection can be reused.
    await response.arrayBuffer().catch(() => undefined);
    if (!response.ok) {
      throw new Error(`Outbound webhook answered ${response.status} for reply ${delivery.replyId}`);
    }
  }
}
