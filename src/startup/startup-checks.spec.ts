import { AddressInfo, createServer, Server } from 'net';
import { assertPortFree, describeUrl, StartupError, waitForPostgres, waitForRedis } from './startup-checks';

/** A port nothing listens on: taken from the OS, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('start-up checks', () => {
  const quiet = { waitMs: 0, log: () => undefined };

  it('names PORT when another process listens on it', async () => {
    const server: Server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      await expect(assertPortFree(port, '127.0.0.1')).rejects.toThrow(new StartupError(`PORT: ${port} is already in use by another process`));
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('accepts a free port', async () => {
    await expect(assertPortFree(await closedPort(), '127.0.0.1')).resolves.toBeUndefined();
  });

  it('names DATABASE_URL, without its password, when Postgres does not answer', async () => {
    const port = await closedPort();
    const failure = waitForPostgres(`postgres://app:secret@127.0.0.1:${port}/surgeline`, 'postgres', quiet);
    await expect(failure).rejects.toThrow(StartupError);
    await expect(failure).rejects.toThrow(new RegExp(`^DATABASE_URL: Postgres at 127.0.0.1:${port} unreachable: .*ECONNREFUSED`));
    await expect(failure).rejects.not.toThrow(/secret/);
  });

  it('names REDIS_URL when Redis does not answer, after saying once what it waits for', async () => {
    const port = await closedPort();
    const lines: string[] = [];
    const failure = waitForRedis(`redis://127.0.0.1:${port}`, { waitMs: 1500, log: (line) => lines.push(line) });
    await expect(failure).rejects.toThrow(new RegExp(`^REDIS_URL: Redis at 127.0.0.1:${port} unreachable: .*ECONNREFUSED.*\\(waited 2 s\\)`));
    expect(lines).toEqual([expect.stringMatching(new RegExp(`^waiting up to 2 s for Redis at 127.0.0.1:${port} \\(REDIS_URL\\)`))]);
  });

  it.each([
    ['postgres://u:p@db.internal/surgeline', 'db.internal:5432'],
    ['redis://:p@cache:6380/2', 'cache:6380'],
  ])('describes %s as %s', (url, described) => {
    expect(describeUrl(url)).toBe(described);
  });
});
