import { Injectable } from '@nestjs/common';
import { map, Observable, share } from 'rxjs';
import { invalidInput } from '../common/errors/domain-error';
import { decodeCursor, Page, toPage } from '../common/pagination/page';
import { EventViewDto } from './dto/event-view.dto';
import { ListEventsQueryDto } from './dto/list-events-query.dto';
import { EventNotificationsListener } from './event-notifications.listener';
import { EventRow, EventsRepository } from './events.repository';

/** Reading the audit trail: the filtered history and the live feed of newly committed events. */
@Injectable()
export class AuditTrailService {
  /** Each event is turned into its view once, however many streams are open. */
  private readonly live: Observable<EventViewDto>;

  constructor(
    private readonly repository: EventsRepository,
    private readonly listener: EventNotificationsListener,
  ) {
    this.live = listener.committedEvents.pipe(map(toEventView), share());
  }

  async listEvents(query: ListEventsQueryDto): Promise<Page<EventViewDto>> {
    const from = query.from ? new Date(query.from) : undefined;
    const to = query.to ? new Date(query.to) : undefined;
    if (from && to && from > to) throw invalidInput('from must not be after to');
    const rows = await this.repository.findPage(
      { type: query.type, actorId: query.actorId, subjectId: query.subjectId, from, to, beforeId: cursorId(query.cursor) },
      query.limit + 1,
    );
    return toPage(rows, query.limit, (row) => ({ sortValue: row.id, id: row.id }), toEventView);
  }

  /** Opens this process's subscription to committed events if no one did yet. */
  startListening(): Promise<void> {
    return this.listener.startListening();
  }

  liveEvents(): Observable<EventViewDto> {
    return this.live;
  }
}

function cursorId(cursor: string | undefined): string | undefined {
  return decodeCursor(cursor, { sortValue: 'bigint', id: 'bigint' })?.id;
}

export function toEventView(row: EventRow): EventViewDto {
  return {
    id: row.id,
    type: row.type,
    actorId: row.actorId,
    subjectType: row.subjectType,
    subjectId: row.subjectId,
    payload: row.payload,
    at: row.at.toISOString(),
  };
}
