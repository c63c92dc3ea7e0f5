import { JobOptions } from 'bull';

export const OUTBOUND_QUEUE = 'outbound';

export const OutboundJob = {
  deliverReply: 'deliver-reply',
} as const;

/** Only the id travels through Redis; the reply text is read from Postgres when it is sent. */
export interface DeliverReplyPayload {
  replyId: string;
}

export const OUTBOUND_ATTEMPTS = 5;

export const OUTBOUND_JOB_OPTIONS: JobOptions = {
  attempts: OUTBOUND_ATTEMPTS,
  // Bull waits (2^n - 1) x delay after the n-th failure: 1, 3, 7 and 15 s, about 26 s before a reply is given up.
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: true,
  removeOnFail: 1000,
};

export const deliverReplyJobId = (replyId: string) => `reply:${replyId}`;
