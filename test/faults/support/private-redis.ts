import { ChildProcess, spawn } from 'child_process';
import Redis from 'ioredis';
import { freePort } from '../../support/app-process';

/**
 * A Redis server of the test's own, on a port of its own and without persistence, so flushing,
 * stopping and restarting it (empty) disturbs no other test.
 */
export class PrivateRedis {
  private child: ChildProcess | null = null;

  private constructor(readonly port: number) {}

  static async start(): Promise<PrivateRedis> {
    const redis = new PrivateRedis(await freePort());
    await redis.start();
    return redis;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  /** (Re)starts the server on the same port, empty. */
  async start(): Promise<void> {
    if (this.child) return;
    this.child = spawn('redis-server', ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
      stdio: 'ignore',
    });
    const deadline = Date.now() + 10_000;
    while (!(await this.answers())) {
      if (Date.now() > deadline) throw new Error(`private redis on ${this.port} did not start`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** Kills the server: every job and key is gone with it. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.child = null;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
  }

  async flushAll(): Promise<void> {
    await this.command((client) => client.flushall());
  }

  /**
   * Makes Redis refuse every write (an out-of-memory answer) while it still answers reads, as a
   * full Redis does; `false` lifts the refusal.
   */
  async refuseWrites(refuse: boolean): Promise<void> {
    await this.command(async (client) => {
      await client.config('SET', 'maxmemory-policy', 'noeviction');
      await client.config('SET', 'maxmemory', refuse ? '1' : '0');
    });
  }

  async exists(key: string): Promise<boolean> {
    return (await this.command((client) => client.exists(key))) === 1;
  }

  private async command<T>(work: (client: Redis) => Promise<T>): Promise<T> {
    const client = new Redis(this.url);
    try {
      return await work(client);
    } finally {
      client.disconnect();
    }
  }

  private async answers(): Promise<boolean> {
    const client = new Redis(this.url, { lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 0 });
    client.on('error', () => undefined);
    try {
      await client.connect();
      return (await client.ping()) === 'PONG';
    } catch {
      return false;
    } finally {
      client.disconnect();
    }
  }
}
