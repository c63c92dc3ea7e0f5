import { EventStream, openEventStream, ServerSentEvent } from '../../test/support/sse-client';
import { DriverAgent, SimulatedAgentStats } from './driver-protocol';
import { KeepAliveClient } from './keep-alive-client';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const between = (min: number, max: number) => min + Math.random() * (max - min);

/** Statuses that mean "not yours any more" (taken back, already resolved): normal under churn, not errors. */
const REFUSED = new Set([403, 404, 409]);

/**
 * Agents working through the API as a desk does: each listens to its work stream
 * (`GET /me/conversations/stream`) and resolves every conversation pushed to it after a random
 * handling time, which frees its capacity for the next assignment. Once its stream is live, and then
 * every `catchUpMs`, it also lists its open conversations, so work assigned before the stream was
 * live is handled too.
 */
export class SimulatedAgents {
  private running = false;
  private loops: Promise<void>[] = [];
  private readonly streams: EventStream[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly stats: SimulatedAgentStats = { pushed: 0, listRequests: 0, resolved: 0, resolveRefused: 0, errors: 0 };

  constructor(
    private readonly agents: DriverAgent[],
    private readonly clientFor: (index: number) => KeepAliveClient,
    private readonly settings: { handlingMs: { min: number; max: number }; catchUpMs: number },
  ) {}

  start(): void {
    this.running = true;
    this.loops = this.agents.map((agent, index) => this.work(agent, this.clientFor(index)));
  }

  async stop(): Promise<SimulatedAgentStats> {
    this.running = false;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    for (const stream of this.streams) stream.close();
    await Promise.all(this.loops);
    return { ...this.stats };
  }

  private async work(agent: DriverAgent, client: KeepAliveClient): Promise<void> {
    const working = new Set<string>();
    const headers = { Authorization: `Bearer ${agent.token}` };
    const take = (id: string) => {
      if (!working.has(id)) this.handleLater(client, headers, working, id);
    };
    try {
      const stream = await openEventStream(`${client.baseUrl}/api/v1/me/conversations/stream`, headers, (event) => {
        const assigned = assignedConversation(event);
        if (!assigned) return;
        this.stats.pushed++;
        take(assigned);
      });
      this.streams.push(stream);
      if (stream.status !== 200) this.stats.errors++;
      else await stream.next((event) => event.event === 'ready');
    } catch {
      this.stats.errors++;
    }
    while (this.running) {
      try {
        const mine = await client.send<{ id: string }[]>('GET', '/api/v1/me/conversations', { headers });
        this.stats.listRequests++;
        if (mine.status !== 200) this.stats.errors++;
        else for (const { id } of mine.body) take(id);
      } catch {
        this.stats.errors++;
      }
      await pause(this.settings.catchUpMs);
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

/** The conversation a work-stream event assigns to the agent, if it is an assignment. */
function assignedConversation(event: ServerSentEvent): string | null {
  if (event.event !== 'message') return null;
  const { type, subjectId } = JSON.parse(event.data) as { type: string; subjectId: string };
  return type === 'conversation.assigned' ? subjectId : null;
}
