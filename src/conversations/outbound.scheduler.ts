import { InjectQueue } from '@nestjs/bull';
import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { Queue } from 'bull';
import { PeriodicWork } from '../periodic/periodic-work.service';
import { DeliverReplyPayload, deliverReplyJobId, OUTBOUND_JOB_OPTIONS, OUTBOUND_QUEUE, OutboundJob } from './outbound.queue';
import { RepliesRepository } from './replies.repository';

const REQUEUE_BATCH = 1000;

/** Hands committed replies to the outbound queue; Postgres stays the truth about what is pending. */
@Injectable()
export class OutboundScheduler implements OnModuleInit {
  private readonly logger = new Logger(OutboundScheduler.name);

  constructor(
    @InjectQueue(OUTBOUND_QUEUE) private readonly queue: Queue,
    private readonly replies: RepliesRepository,
    private readonly periodic: PeriodicWork,
  ) {}

  onModuleInit(): void {
    this.periodic.register('redeliverReplies', () => this.enqueuePendingReplies());
  }

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

  /**
   * A reply committed while Redis was unreachable, or whose job Redis lost (a flush, a restart), is
   * still pending in Postgres: hand it to the queue again, at start and every RECONCILE_INTERVAL_MS.
   * A reply whose job Redis still holds (waiting, retrying, running) keeps it: the job id is the same.
   */
  async enqueuePendingReplies(): Promise<void> {
    const pending = await this.replies.findPendingIds(REQUEUE_BATCH);
    await this.enqueueReplies(pending);
    this.logger.debug(`${pending.length} pending repl(ies) handed to the outbound queue`);
  }
}
