import { Job } from 'bull';
import { OutboundDelivery, OutboundSenders } from './outbound-sender';
import { DeliverReplyPayload } from './outbound.queue';
import { OutboundProcessor } from './outbound.processor';
import { PendingDelivery, RepliesRepository } from './replies.repository';

const REPLY_ID = '6f1f6c0e-8a4b-4f55-9d0e-3c2b1a000001';

const pending = (status: PendingDelivery['deliveryStatus'] = 'pending'): PendingDelivery => ({
  replyId: REPLY_ID,
  conversationId: '6f1f6c0e-8a4b-4f55-9d0e-3c2b1a000002',
  channel: 'sms',
  handle: '+31600000000',
  text: 'Your flight is rebooked.',
  deliveryStatus: status,
});

/** Records what the processor asks of the repository; the SQL itself is covered by the e2e specs. */
class RecordingReplies {
  calls: string[] = [];
  constructor(private readonly row: PendingDelivery | null) {}
  async findDelivery(): Promise<PendingDelivery | null> {
    return this.row;
  }
  async markDelivered(_: string, attempts: number): Promise<void> {
    this.calls.push(`delivered after ${attempts}`);
  }
  async recordFailedAttempt(_: string, attempts: number, final: boolean): Promise<void> {
    this.calls.push(`failed attempt ${attempts}${final ? ' (final)' : ''}`);
  }
}

const job = (attemptsMade: number): Job<DeliverReplyPayload> =>
  ({ data: { replyId: REPLY_ID }, attemptsMade, opts: { attempts: 5 } }) as Job<DeliverReplyPayload>;

function processorWith(row: PendingDelivery | null, send: (delivery: OutboundDelivery) => Promise<void>) {
  const replies = new RecordingReplies(row);
  const sent: OutboundDelivery[] = [];
  const sender = { send: async (delivery: OutboundDelivery) => (sent.push(delivery), send(delivery)) };
  const senders = { sms: sender } as unknown as OutboundSenders;
  return { processor: new OutboundProcessor(replies as unknown as RepliesRepository, senders), replies, sent };
}

const ok = async () => undefined;
const down = async () => {
  throw new Error('connector down');
};

describe('OutboundProcessor.deliverReply', () => {
  it.each([
    ['a first success', 0, ok, ['delivered after 1']],
    ['a success on the third attempt', 2, ok, ['delivered after 3']],
    ['a failure with attempts left', 0, down, ['failed attempt 1']],
    ['a failure on the fourth attempt', 3, down, ['failed attempt 4']],
    ['a failure on the last attempt', 4, down, ['failed attempt 5 (final)']],
  ])('records %s', async (_, attemptsMade, send, calls) => {
    const { processor, replies, sent } = processorWith(pending(), send);
    const run = processor.deliverReply(job(attemptsMade));
    if (send === down) await expect(run).rejects.toThrow('connector down');
    else await run;
    expect(replies.calls).toEqual(calls);
    expect(sent).toEqual([
      { replyId: REPLY_ID, conversationId: pending().conversationId, channel: 'sms', handle: '+31600000000', text: 'Your flight is rebooked.' },
    ]);
  });

  it.each([
    ['already delivered', pending('delivered')],
    ['given up', pending('failed')],
    ['gone', null],
  ])('sends nothing for a reply %s', async (_, row) => {
    const { processor, replies, sent } = processorWith(row, ok);
    await processor.deliverReply(job(0));
    expect(sent).toEqual([]);
    expect(replies.calls).toEqual([]);
  });
});
