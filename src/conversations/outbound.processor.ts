import { Process, Processor } from '@nestjs/bull';
import { Inject, Logger } from '@nestjs/common';
import { Job } from 'bull';
import { OUTBOUND_SENDERS, OutboundSenders } from './outbound-sender';
import { DeliverReplyPayload, OUTBOUND_ATTEMPTS, OUTBOUND_QUEUE, OutboundJob } from './outbound.queue';
import { RepliesRepository } from './replies.repository';

@Processor(OUTBOUND_QUEUE)
export class OutboundProcessor {
  private readonly logger = new Logger(OutboundProcessor.name);

  constructor(
    private readonly replies: RepliesRepository,
    @Inject(OUTBOUND_SENDERS) private readonly senders: OutboundSenders,
  ) {}

  @Process({ name: OutboundJob.deliverReply, concurrency: 4 })
  async deliverReply(job: Job<DeliverReplyPayload>): Promise<void> {
    const { replyId } = job.data;
    const delivery = await this.replies.findDelivery(replyId);
    // Already delivered or given up (a re-enqueued duplicate), or gone with its conversation.
    if (!delivery || delivery.deliveryStatus !== 'pending') return;

    const attempt = job.attemptsMade + 1;
    try {
      const { conversationId, channel, handle, text } = delivery;
      await this.senders[channel].send({ replyId, conversationId, channel, handle, text });
    } catch (error) {
      const final = attempt >= (job.opts.attempts ?? OUTBOUND_ATTEMPTS);
      await this.replies.recordFailedAttempt(replyId, attempt, final);
      this.logger.warn(`Delivery of reply ${replyId} failed (attempt ${attempt}${final ? ', giving up' : ''}): ${(error as Error).message}`);
      throw error;
    }
    await this.replies.markDelivered(replyId, attempt);
  }
}
