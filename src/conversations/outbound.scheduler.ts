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

  /**
   * Call only after the reply is committed. One add per reply rather than Bull's addBulk: addBulk
   * sends its scripts in one MULTI and ignores the errors EXEC returns per command, so after Redis
   * lost its script cache (a restart) or refused a write, it reported jobs as added that were not.
   */
  async enqueueReplies(replyIds: string[]): Promise<void> {
    await Promise.all(
      replyIds.map((replyId) =>
        // The deterministic id drops a second job for the same reply (re-enqueue at start, retried request).
        this.queue.add(OutboundJob.deliverReply, { replyId } satisfies DeliverReplyPayload, { ...OUTBOUND_JOB_OPTIONS, jobId: deliverReplyJobId(replyId) }),
      ),
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
