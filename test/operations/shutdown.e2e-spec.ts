import { startAppProcess } from '../support/app-process';
import { HttpClient } from '../support/http-client';
import { openEventStream } from '../support/sse-client';
import { provisionTestEnvironment, TEST_ADMIN, TestEnvironment } from '../support/test-app';

/** SIGTERM with a live event stream: the stream ends first, then the process exits by itself, cleanly. */
describe('shutdown of a running service', () => {
  let environment: TestEnvironment;

  beforeAll(async () => {
    environment = await provisionTestEnvironment();
  });
  afterAll(() => environment.dispose());

  // Starting a real process takes tens of seconds on a loaded machine.
  jest.setTimeout(180_000);

  it('ends its event streams, refuses new connections and exits 0 before its 10 s deadline', async () => {
    const app = await startAppProcess(environment.env);
    const api = new HttpClient(app.baseUrl);
    const token = (await api.post('/api/v1/auth/login', TEST_ADMIN)).body.accessToken as string;
    const stream = await openEventStream(`${app.baseUrl}/api/v1/events/stream`, { Authorization: `Bearer ${token}` });
    await stream.next((event) => event.event === 'ready');

    const order: string[] = [];
    // `ended` waits for the response to end properly; a socket cut by the process dying never does.
    const streamEnded = stream.ended(15_000).then(() => order.push('stream ended'));
    const exit = await app.stop();
    order.push('process exited');
    await streamEnded;

    // Exit code 0: the process drained and exited by itself; its own deadline exits 1, the test's
    // SIGKILL after 10 s would show as a signal.
    expect(exit).toEqual({ code: 0, signal: null });
    expect(order).toEqual(['stream ended', 'process exited']);
    await expect(fetch(`${app.baseUrl}/health`)).rejects.toThrow();
    expect(app.output()).toContain('SIGTERM: draining, exiting within 10 s');
  });
});
