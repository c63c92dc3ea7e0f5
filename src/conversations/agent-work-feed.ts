import { Injectable } from '@nestjs/common';
import { Observable, Subscriber, Subscription } from 'rxjs';
import { EventViewDto } from '../events/dto/event-view.dto';
import { AuditTrailService } from '../events/audit-trail.service';
import { EventReplay } from '../events/event-replay';
import { LiveFeed } from '../events/live-stream';
import { agentWhoseWorkChanges, workConcerning } from './agent-work-events';

/**
 * Routes each live event to the work streams of the one agent it concerns. With hundreds of agents
 * listening, filtering every event in every stream would cost each event once per agent.
 */
@Injectable()
export class AgentWorkFeed {
  private readonly listeners = new Map<string, Set<Subscriber<EventViewDto>>>();
  private source: Subscription | null = null;

  constructor(
    private readonly auditTrail: AuditTrailService,
    private readonly replay: EventReplay,
  ) {}

  /** The agent's work stream: its live events, and those it missed while reconnecting. */
  feedOf(agentId: string): LiveFeed {
    return {
      live: this.workOf(agentId),
      startListening: () => this.auditTrail.startListening(),
      missedSince: async (lastEventId) =>
        (await this.replay.missedSince(lastEventId, workConcerning(agentId))).filter((event) => agentWhoseWorkChanges(event) === agentId),
      latestId: () => this.replay.latestId(),
    };
  }

  /** The live events that change the agent's work; completes when the application shuts down. */
  workOf(agentId: string): Observable<EventViewDto> {
    return new Observable((subscriber) => {
      this.source ??= this.auditTrail.liveEvents().subscribe({
        next: (event) => this.dispatch(event),
        complete: () => this.completeAll(),
      });
      const listeners = this.listeners.get(agentId) ?? new Set();
      listeners.add(subscriber);
      this.listeners.set(agentId, listeners);
      return () => {
        listeners.delete(subscriber);
        if (listeners.size === 0) this.listeners.delete(agentId);
      };
    });
  }

  private dispatch(event: EventViewDto): void {
    const agentId = agentWhoseWorkChanges(event);
    if (!agentId) return;
    for (const listener of this.listeners.get(agentId) ?? []) listener.next(event);
  }

  private completeAll(): void {
    for (const listeners of this.listeners.values()) for (const listener of listeners) listener.complete();
  }
}
