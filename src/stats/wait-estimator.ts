import { Injectable } from '@nestjs/common';
import { RecentAssignmentCounts } from './recent-assignment-counts';
import { estimateWaitSeconds } from './wait-estimate';
import { WaitEstimatesRepository } from './wait-estimates.repository';

export interface ConversationWait {
  /** 1 = next for its language; null once assigned */
  queuePosition: number | null;
  /** null when nothing is known */
  estimatedWaitSeconds: number | null;
}

/** The estimated wait (surge-desk.md) of a queued conversation, or of one arriving now in a language. */
@Injectable()
export class WaitEstimator {
  private readonly assignedCounts = new RecentAssignmentCounts();

  constructor(private readonly repository: WaitEstimatesRepository) {}

  async forConversation(conversationId: string): Promise<ConversationWait> {
    const readAt = Date.now();
    const place = await this.repository.placeInQueue(conversationId, this.assignedCounts.reusable(readAt));
    if (!place?.facts) return { queuePosition: null, estimatedWaitSeconds: place?.status === 'assigned' ? 0 : null };
    if (!place.assignedCountGiven) this.assignedCounts.remember(place.language, place.facts.assignedRecently, readAt);
    return { queuePosition: place.position, estimatedWaitSeconds: estimateWaitSeconds({ ...place.facts, position: place.position }) };
  }

  /** For a conversation arriving now in each language: behind everything queued in it. */
  async forArrivals(languages: string[]): Promise<Map<string, number | null>> {
    const facts = await this.repository.languageFacts(languages);
    return new Map(facts.map((row) => [row.language, estimateWaitSeconds({ ...row, position: row.queued + 1 })]));
  }
}
