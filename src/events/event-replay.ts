import { Injectable } from '@nestjs/common';
import { isCursorPart } from '../common/pagination/page';
import { EventViewDto } from './dto/event-view.dto';
import { toEventView } from './audit-trail.service';
import { AgentConcern, EventsRepository } from './events.repository';

/** How far back a reconnecting stream is caught up; older gaps are read from GET /events. */
export const REPLAY_WINDOW_MS = 60 * 60 * 1000;
/** A stream that missed more than this reads the rest from GET /events. */
const REPLAY_LIMIT = 5000;

/** What a stream reconnecting with `Last-Event-ID` missed while it was away. */
@Injectable()
export class EventReplay {
  constructor(private readonly events: EventsRepository) {}

  /** The id a `Last-Event-ID` header names, or null when it names none. */
  static lastEventId(header: string | string[] | undefined): string | null {
    // Checked as list cursors are: 19 digits can still overflow a bigint and fail the replay query.
    return isCursorPart('bigint', header) ? header : null;
  }

  async missedSince(lastEventId: string, concerning?: AgentConcern): Promise<EventViewDto[]> {
    const rows = await this.events.findAfter(lastEventId, new Date(Date.now() - REPLAY_WINDOW_MS), REPLAY_LIMIT, concerning);
    return rows.map(toEventView);
  }

  latestId(): Promise<string> {
    return this.events.latestId();
  }
}
