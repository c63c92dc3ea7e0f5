import { Controller, Get, Headers, MessageEvent, Query, Sse } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Observable } from 'rxjs';
import { ApiErrors } from '../openapi/api-errors.decorator';
import { AccessWatch } from '../auth/sessions/access-watch';
import { AuthenticatedRequest } from '../common/auth/auth-user';
import { ApiSignedIn, CurrentPrincipal, Roles } from '../common/auth/auth.decorators';
import { Page } from '../common/pagination/page';
import { AuditTrailService } from './audit-trail.service';
import { EventPageDto, EventViewDto } from './dto/event-view.dto';
import { EventReplay } from './event-replay';
import { ListEventsQueryDto } from './dto/list-events-query.dto';
import { LiveFeed, serverSentEvents } from './live-stream';

@ApiTags('operations')
@ApiSignedIn()
@Roles('incident_manager')
@Controller('events')
export class EventsController {
  constructor(
    private readonly auditTrail: AuditTrailService,
    private readonly access: AccessWatch,
    private readonly replay: EventReplay,
  ) {}

  @Get()
  @ApiOperation({ operationId: 'listEvents', summary: 'The audit trail, newest first, filtered by type, actor, subject and time' })
  @ApiOkResponse({ type: EventPageDto })
  @ApiErrors(400)
  list(@Query() query: ListEventsQueryDto): Promise<Page<EventViewDto>> {
    return this.auditTrail.listEvents(query);
  }

  @Sse('stream')
  @ApiOperation({
    operationId: 'streamEvents',
    summary: 'Server-Sent Events: every event as it is committed, from any process',
    description:
      'First a `ready` event once the stream is live (every event committed after it is delivered); then each `message` ' +
      'carries one event (as in GET /events) as JSON, with the event id as SSE id; `ping` events keep idle connections open. ' +
      'A client reconnecting with `Last-Event-ID` first gets the events it missed (up to an hour back); `ready` and ' +
      '`ping` carry the id of the last event delivered. The stream ends when the caller logs out, is suspended or expires.',
  })
  @ApiProduces('text/event-stream')
  @ApiOkResponse({ description: 'an endless text/event-stream' })
  stream(@CurrentPrincipal() caller: AuthenticatedRequest, @Headers('last-event-id') lastEventId?: string): Observable<MessageEvent> {
    const feed: LiveFeed = {
      live: this.auditTrail.liveEvents(),
      startListening: () => this.auditTrail.startListening(),
      missedSince: (after) => this.replay.missedSince(after),
      latestId: () => this.replay.latestId(),
    };
    return serverSentEvents(feed, EventReplay.lastEventId(lastEventId), this.access.accessLost(caller));
  }
}
