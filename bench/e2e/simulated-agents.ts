import { DriverAgent, SimulatedAgentStats } from './driver-protocol';
import { KeepAliveClient } from './keep-alive-client';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const between = (min: number, max: number) => min + Math.random() * (max - min);

/** Statuses that mean "not yours any more" (taken back, already resolved): normal under churn, not errors. */
const REFUSED = new Set([403, 404, 409]);

/**
 * Agents working through the API: each lists its open conversations every `pollMs` and resolves
 * each new one after a random handling time, which frees its capacity for the next assignment.
 */
export class SimulatedAgents {
  private running = false;
  private loops: Promise<void>[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly stats: SimulatedAgentStats = { listRequests: 0, resolved: 0, resolveRefused: 0, errors: 0 };

  constructor(
    private readonly agents: DriverAgent[],
    private readonly clientFor: (index: number) => KeepAliveClient,
    private readonly settings: { handlingMs: { min: number; max: number }; pollMs: number },
  ) {}

  start(): void {
    this.running = true;
    this.loops = this.agents.map((agent, index) => this.work(agent, this.clientFor(index)));
  }

  async stop(): Promise<SimulatedAgentStats> {
    this.running = false;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    await Promise.all(this.loops);
    return { ...this.stats };
  }

  private async work(agent: DriverAgent, client: KeepAliveClient): Promise<void> {
    const working = new Set<string>();
    const headers = { Authorization: `Bearer ${agent.token}` };
    // Spread the agents' polls over the interval instead of listing all at once.
    await pause(Math.random() * this.settings.pollMs);
    while (this.running) {
      try {
        const mine = await client.send<{ id: string }[]>('GET', '/api/v1/me/conversations', { headers });
        this.stats.listRequests++;
        if (mine.status !== 200) this.stats.errors++;
        else for (const { id } of mine.body) if (!working.has(id)) this.handleLater(client, headers, working, id);
      } catch {
        this.stats.errors++;
      }
      await pause(this.settings.pollMs);
    }
  }

  private handleLater(client: KeepAliveClient, headers: Record<string, string>, working: Set<string>, id: string): void {
    working.add(id);
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void this.resolve(client, headers, id).finally(() => working.delete(id));
    }, between(this.settings.handlingMs.min, this.settings.handlingMs.max));
    this.timers.add(timer);
  }

  private async resolve(client: KeepAliveClient, headers: Record<string, string>, id: string): Promise<void> {
    if (!this.running) return;
    try {
      const response = await client.send('POST', `/api/v1/conversations/${id}/resolve`, { headers });
      if (response.status === 200) this.stats.resolved++;
      else if (REFUSED.has(response.status)) this.stats.resolveRefused++;
      else this.stats.errors++;
    } catch {
      this.stats.errors++;
    }
  }
}
