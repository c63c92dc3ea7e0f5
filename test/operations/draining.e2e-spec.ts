import { loginAdmin } from '../factories/accounts';
import { auth } from '../factories/conversations';
import { Draining } from '../../src/lifecycle/draining';
import { openEventStream } from '../support/sse-client';
import { startTestApp, TestApp } from '../support/test-app';

/** A process that starts draining sheds its streams and tells balancers and clients to go elsewhere. */
describe('draining before shutdown', () => {
  let t: TestApp;
  let baseUrl: string;

  beforeAll(async () => {
    t = await startTestApp();
    await t.app.listen(0, '127.0.0.1');
    baseUrl = await t.app.getUrl();
  });
  afterAll(() => t?.close());

  it('ends open event streams, fails /health and asks clients to close their connections; requests still work', async () => {
    const token = await loginAdmin(t);
    const stream = await openEventStream(`${baseUrl}/api/v1/events/stream`, auth(token));
    await stream.next((event) => event.event === 'ready');
    // A keep-alive client: until draining starts, the server keeps its connection open.
    const before = await fetch(`${baseUrl}/health`);
    expect(before.status).toBe(200);
    expect(before.headers.get('connection')).toBe('keep-alive');

    t.app.get(Draining).begin();

    await stream.ended();
    const health = await fetch(`${baseUrl}/health`);
    expect(health.status).toBe(503);
    expect(((await health.json()) as { error: unknown }).error).toMatchObject({ process: { status: 'down', message: 'shutting down' } });
    expect(health.headers.get('connection')).toBe('close');
    // Work already sent here is still done while the process drains.
    await t.http().get('/api/v1/surge').set(auth(token)).expect(200);
  });
});
