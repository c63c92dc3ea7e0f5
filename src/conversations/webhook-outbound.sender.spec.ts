import { createServer, Server } from 'http';
import { AddressInfo } from 'net';
import { AppConfigService } from '../config/app-config.service';
import { OutboundDelivery } from './outbound-sender';
import { WebhookOutboundSender } from './webhook-outbound.sender';

const delivery: OutboundDelivery = {
  replyId: 'reply-1',
  conversationId: 'conversation-1',
  channel: 'twitter',
  handle: '@stranded',
  text: 'A seat is held for you on tomorrow 07:10.',
};

const configWith = (url: string | undefined) => ({ get: () => url }) as unknown as AppConfigService;

describe('WebhookOutboundSender', () => {
  let server: Server;
  let url: string;
  let status = 200;
  let received: { method?: string; contentType?: string; body: unknown }[] = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      let raw = '';
      request.on('data', (chunk) => (raw += chunk));
      request.on('end', () => {
        received.push({ method: request.method, contentType: request.headers['content-type'], body: JSON.parse(raw) });
        response.writeHead(status).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(() => {
    received = [];
  });

  it.each([200, 202, 204])('resolves on %i after POSTing the delivery as JSON', async (code) => {
    status = code;
    await new WebhookOutboundSender(configWith(url)).send(delivery);
    expect(received).toEqual([{ method: 'POST', contentType: 'application/json', body: delivery }]);
  });

  it.each([400, 404, 500, 503])('throws on %i so the queue retries', async (code) => {
    status = code;
    await expect(new WebhookOutboundSender(configWith(url)).send(delivery)).rejects.toThrow(`answered ${code}`);
  });

  it('throws when nothing listens at the URL', async () => {
    await expect(new WebhookOutboundSender(configWith('http://127.0.0.1:1/hook')).send(delivery)).rejects.toThrow();
  });

  it('only records the delivery when no URL is configured', async () => {
    await expect(new WebhookOutboundSender(configWith(undefined)).send(delivery)).resolves.toBeUndefined();
    expect(received).toEqual([]);
  });
});
