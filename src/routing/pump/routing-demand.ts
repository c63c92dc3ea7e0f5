import { Injectable } from '@nestjs/common';

/**
 * What this process's routing pump is asked to do: look at the queue for conversations no decision
 * has seen yet, decide named conversations again (one waiting for an agent is decided again only
 * when asked: an escalation is due, the rules changed), and serve agents who gained room. It holds
 * the requests until the pump takes them and depends on nothing, so whatever creates work (routing
 * itself included) can ask without depending on the pump.
 */
@Injectable()
export class RoutingDemand {
  private readonly conversations = new Set<string>();
  private readonly agents = new Set<string>();
  private queueScanDue = false;
  private listener: () => void = () => undefined;

  /** Work may have been added to the queue (intake, a requeue, a batch that may have left more). */
  queueGrew(): void {
    this.queueScanDue = true;
    this.listener();
  }

  decide(conversationIds: readonly string[]): void {
    if (conversationIds.length === 0) return;
    for (const id of conversationIds) this.conversations.add(id);
    this.listener();
  }

  serve(agentId: string): void {
    this.agents.add(agentId);
    this.listener();
  }

  get pending(): boolean {
    return this.queueScanDue || this.conversations.size > 0 || this.agents.size > 0;
  }

  takeQueueScan(): boolean {
    const due = this.queueScanDue;
    this.queueScanDue = false;
    return due;
  }

  takeConversations(limit: number): string[] {
    return takeFrom(this.conversations, limit);
  }

  takeAgents(): string[] {
    return takeFrom(this.agents, this.agents.size);
  }

  /** The pump: called on every request, whether or not it is already working. */
  onDemand(listener: () => void): void {
    this.listener = listener;
  }
}

function takeFrom(set: Set<string>, limit: number): string[] {
  const taken: string[] = [];
  for (const item of set) {
    if (taken.length >= limit) break;
    taken.push(item);
    set.delete(item);
  }
  return taken;
}
