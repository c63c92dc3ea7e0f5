import { Client } from 'pg';

/** A stuck connection must not stall elections: every statement and connect is bounded. */
const STATEMENT_TIMEOUT_MS = 5000;

/**
 * Session-level advisory locks on one connection of their own: the process holding a task's lock
 * leads that task for as long as the connection lives. Postgres releases the lock when the
 * connection ends (process killed, Postgres restarted, network lost) and the next process that
 * asks takes it. Advisory locks are per database, so deployments (and test databases) are apart.
 */
export class AdvisoryLeaderLocks {
  private client: Client | null = null;
  private connecting: Promise<Client> | null = null;
  private readonly held = new Set<number>();
  private closed = false;
  /** One statement at a time on the one connection: tasks ask in turn. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly databaseUrl: string) {}

  /** Whether this process leads `key` now: it held the lock on a live connection, or has just taken it. */
  lead(key: number): Promise<boolean> {
    const asked = this.queue.then(() => this.askFor(key));
    this.queue = asked.catch(() => undefined);
    return asked;
  }

  private async askFor(key: number): Promise<boolean> {
    const client = await this.connection();
    try {
      if (this.held.has(key)) {
        // The lock lives as long as the session: a statement that succeeds proves both.
        await client.query('SELECT 1');
        return true;
      }
      const { rows } = await client.query<{ won: boolean }>('SELECT pg_try_advisory_lock($1) AS won', [key]);
      if (rows[0].won) this.held.add(key);
      return rows[0].won;
    } catch (error) {
      this.drop(client);
      throw error;
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    const client = this.client ?? (await this.connecting?.catch(() => null));
    if (client) this.drop(client);
  }

  private async connection(): Promise<Client> {
    if (this.closed) throw new Error('leader locks closed');
    if (this.client) return this.client;
    this.connecting ??= this.connect().finally(() => (this.connecting = null));
    return this.connecting;
  }

  private async connect(): Promise<Client> {
    const client = new Client({
      connectionString: this.databaseUrl,
      connectionTimeoutMillis: STATEMENT_TIMEOUT_MS,
      query_timeout: STATEMENT_TIMEOUT_MS,
      keepAlive: true,
      application_name: 'surgeline-leader',
    });
    // A broken connection has lost its locks with it: forget them, reconnect on the next pass.
    client.on('error', () => this.drop(client));
    client.on('end', () => this.drop(client));
    try {
      await client.connect();
    } catch (error) {
      client.end().catch(() => undefined);
      throw error;
    }
    if (this.closed) {
      client.end().catch(() => undefined);
      throw new Error('leader locks closed');
    }
    this.client = client;
    return client;
  }

  private drop(client: Client): void {
    if (this.client !== client) return;
    this.client = null;
    this.held.clear();
    client.end().catch(() => undefined);
  }
}
