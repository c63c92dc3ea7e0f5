import { InjectQueue } from '@nestjs/bull';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Queue } from 'bull';
import { DeliverReplyPayload, deliverReplyJobId, OUTBOUND_JOB_OPTIONS, OUTBOUND_QUEUE, OutboundJob } from './outbound.queue';
import { RepliesRepository } from './replies.repository';

const REQUEUE_BATCH = 1000;

/** Hands committed replies to the outbound queue; Postgres stays the truth about what is pending. */
@Injectable()
export class OutboundScheduler implements OnApplicationBootstrap {
  private readonly logger = new Logger(OutboundScheduler.name);

  constructor(
    @InjectQueue(OUTBOUND_QUEUE) private readonly queue: Queue,
    private readonly replies: RepliesRepository,
  ) {}

  /** Call only after the reply is committed. */
  async enqueueReplies(replyIds: string[]): Promise<void> {
    if (replyIds.length === 0) return;
    await this.queue.addBulk(
      replyIds.map((replyId) => ({
        name: OutboundJob.deliverReply,
        data: { replyId } satisfies DeliverReplyPayload,
        // The deterministic id drops a second job for the same reply (re-enqueue at start, retried request).
        opts: { ...OUTBOUND_JOB_OPTIONS, jobId: deliverReplyJobId(replyId) },
      })),
    );
  }

  /** A reply committed while Redis was unreachable (or flushed) is still pending in Postgres: send it now. */
  async onApplicationBootstrap(): Promise<void> {
    try {
      const pending = await this.replies.findPendingIds(REQUEUE_BATCH);
      await this.enqueueReplies(pending);
      if (pending.length > 0) this.logger.log(`${pending.length} pending repl(ies) handed to the outbound queue`);
    } catch (error) {
      this.logger.error(`Could not re-enqueue pending replies: ${(error as Error).message}`);
    }
  }
}
