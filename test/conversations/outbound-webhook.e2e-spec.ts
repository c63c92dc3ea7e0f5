import { createServer, IncomingMessage, Server } from 'http';
import { AddressInfo } from 'net';
import { loginAdmin, SignedInAccount } from '../factories/accounts';
import { assignedConversation, auth, languageAllocator, pollUntil, signedInAgent } from '../factories/conversations';
import { startTestApp, TestApp } from '../support/test-app';

interface ReceivedDelivery {
  replyId: string;
  conversationId: string;
  channel: string;
  handle: string;
  text: string;
  contentType: string | undefined;
}

/** A connector stand-in: records every POST and answers 500 while a reply still has failures to hand out. */
class FakeConnector {
  readonly received: ReceivedDelivery[] = [];
  private readonly failuresLeft = new Map<string, number>();
  private readonly server: Server = createServer((request, response) => this.receive(request, response));

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/outbound`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  /** The next `count` deliveries of any reply whose text contains `marker` fail with a 500. */
  failTimes(marker: string, count: number): void {
    this.failuresLeft.set(marker, count);
  }

  deliveriesOf(replyId: string): ReceivedDelivery[] {
    return this.received.filter((delivery) => delivery.replyId === replyId);
  }

  private receive(request: IncomingMessage, response: import('http').ServerResponse): void {
    let raw = '';
    request.on('data', (chunk) => (raw += chunk));
    request.on('end', () => {
      const body = JSON.parse(raw) as Omit<ReceivedDelivery, 'contentType'>;
      this.received.push({ ...body, contentType: request.headers['content-type'] });
      const marker = [...this.failuresLeft.keys()].find((key) => body.text.includes(key));
      const left = marker ? this.failuresLeft.get(marker)! : 0;
      if (marker && left > 0) {
        this.failuresLeft.set(marker, left - 1);
        response.writeHead(500).end('connector down');
        return;
      }
      response.writeHead(202, { 'content-type': 'application/json' }).end('{"accepted":true}');
    });
  }
}

describe('outbound replies through the webhook sender', () => {
  let t: TestApp;
  let connector: FakeConnector;
  let adminToken: string;
  let agent: SignedInAccount;
  let conversationId: string;
  let handle: string;
  const nextLanguage = languageAllocator();

  beforeAll(async () => {
    connector = new FakeConnector();
    const url = await connector.start();
    t = await startTestApp({ OUTBOUND_WEBHOOK_URL: url });
    adminToken = await loginAdmin(t);
    const language = nextLanguage();
    agent = await signedInAgent(t, adminToken, language);
    const intake = await assignedConversation(t, agent, language, { channel: 'whatsapp' });
    conversationId = intake.conversationId;
    handle = (intake.body.from as { handle: string }).handle;
  });
  afterAll(async () => {
    await t.close();
    await connector.stop();
  });

  const reply = async (text: string): Promise<string> => {
    const response = await t.http().post(`/api/v1/conversations/${conversationId}/replies`).set(auth(agent.token)).send({ text }).expect(201);
    return response.body.id as string;
  };
  const deliveryRow = async (replyId: string) =>
    (await t.db.query('SELECT delivery_status, delivery_attempts, delivered_at FROM replies WHERE id = $1', [replyId])).rows[0];

  it('POSTs the reply as JSON and records the delivery', async () => {
    const replyId = await reply('Your hotel voucher for tonight is ready.');
    const row = await pollUntil(() => deliveryRow(replyId), (r) => r.delivery_status === 'delivered');
    expect(row).toEqual({ delivery_status: 'delivered', delivery_attempts: 1, delivered_at: expect.any(Date) });
    expect(connector.deliveriesOf(replyId)).toEqual([
      {
        replyId,
        conversationId,
        channel: 'whatsapp',
        handle,
        text: 'Your hotel voucher for tonight is ready.',
        contentType: 'application/json',
      },
    ]);
  });

  it('retries after a 500 and delivers on the next attempt', async () => {
    connector.failTimes('retry-once', 1);
    const replyId = await reply('Rebooked on the morning flight (retry-once).');
    const row = await pollUntil(() => deliveryRow(replyId), (r) => r.delivery_status === 'delivered');
    expect(row.delivery_attempts).toBe(2);
    expect(connector.deliveriesOf(replyId)).toHaveLength(2);
  });

  it('marks the reply failed after the last of 5 attempts', async () => {
    connector.failTimes('always-down', 100);
    const replyId = await reply('This one never gets through (always-down).');
    // Backoff of 1 + 3 + 7 + 15 s between the five attempts.
    const row = await pollUntil(() => deliveryRow(replyId), (r) => r.delivery_status !== 'pending', 45_000);
    expect(row).toEqual({ delivery_status: 'failed', delivery_attempts: 5, delivered_at: null });
    expect(connector.deliveriesOf(replyId)).toHaveLength(5);
  }, 90_000);
});
