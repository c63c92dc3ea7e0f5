import { Controller, Get, MessageEvent, Query, Sse } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { concat, defer, endWith, ignoreElements, interval, map, merge, Observable, takeUntil } from 'rxjs';
import { Roles } from '../common/auth/auth.decorators';
import { Page } from '../common/pagination/page';
import { AuditTrailService } from './audit-trail.service';
import { EventPageDto, EventViewDto } from './dto/event-view.dto';
import { ListEventsQueryDto } from './dto/list-events-query.dto';

/** Keeps idle streams open through proxies that cut silent connections (nginx defaults to 60 s). */
const HEARTBEAT_MS = 25_000;

@ApiTags('operations')
@ApiBearerAuth()
@Roles('incident_manager')
@Controller('events')
export class EventsController {
  constructor(private readonly auditTrail: AuditTrailService) {}

  @Get()
  @ApiOperation({ summary: 'The audit trail, newest first, filtered by type, actor, subject and time' })
  @ApiOkResponse({ type: EventPageDto })
  list(@Query() query: ListEventsQueryDto): Promise<Page<EventViewDto>> {
    return this.auditTrail.listEvents(query);
  }

  @Sse('stream')
  @ApiOperation({
    summary: 'Server-Sent Events: every event as it is committed, from any process',
    description:
      'First a `ready` event once the stream is live (every event committed after it is delivered); then each `message` ' +
      'carries one event (as in GET /events) as JSON, with the event id as SSE id; `ping` events keep idle connections open.',
  })
  @ApiProduces('text/event-stream')
  @ApiOkResponse({ description: 'an endless text/event-stream' })
  stream(): Observable<MessageEvent> {
    const events = this.auditTrail.liveEvents();
    // The feed completes on shutdown; the pings must stop with it or the response never ends.
    const shutdown = events.pipe(ignoreElements(), endWith(null));
    const messages = events.pipe(map((event): MessageEvent => ({ id: event.id, data: event })));
    const pings = interval(HEARTBEAT_MS).pipe(map((): MessageEvent => ({ type: 'ping', data: {} })));
    const ready = defer(() => this.auditTrail.startListening()).pipe(map((): MessageEvent => ({ type: 'ready', data: {} })));
    return concat(ready, merge(messages, pings)).pipe(takeUntil(shutdown));
  }
}
