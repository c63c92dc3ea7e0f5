import { Injectable } from '@nestjs/common';
import { RoutingOutcome, RoutingService } from './routing.service';

/** The most conversations one transaction decides; a larger batch holds its agent locks longer. */
const BATCH_LIMIT = 16;

interface RoutingRequest {
  conversationId: string;
  resolve: (outcome: RoutingOutcome) => void;
  reject: (error: unknown) => void;
}

/**
 * Gathers the conversations that concurrent routing jobs ask for within one turn of the event loop
 * and decides them together: under load a transaction's lock statement and commit are then shared by
 * many decisions instead of paid by each.
 */
@Injectable()
export class RoutingBatcher {
  private gathered: RoutingRequest[] = [];
  private flushScheduled = false;

  constructor(private readonly routing: RoutingService) {}

  /** Resolves with the conversation's outcome once the batch it joined has committed. */
  route(conversationId: string): Promise<RoutingOutcome> {
    return new Promise((resolve, reject) => {
      this.gathered.push({ conversationId, resolve, reject });
      if (this.flushScheduled) return;
      this.flushScheduled = true;
      setImmediate(() => this.flush());
    });
  }

  private flush(): void {
    this.flushScheduled = false;
    while (this.gathered.length > 0) void this.decide(this.gathered.splice(0, BATCH_LIMIT));
  }

  private async decide(batch: RoutingRequest[]): Promise<void> {
    try {
      const outcomes = await this.routing.routeConversations([...new Set(batch.map((request) => request.conversationId))]);
      for (const request of batch) request.resolve(outcomes.get(request.conversationId)!);
    } catch (error) {
      for (const request of batch) request.reject(error);
    }
  }
}
