import { Controller, Get, MessageEvent, Query, Sse } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Observable } from 'rxjs';
import { Roles } from '../common/auth/auth.decorators';
import { Page } from '../common/pagination/page';
import { AuditTrailService } from './audit-trail.service';
import { EventPageDto, EventViewDto } from './dto/event-view.dto';
import { ListEventsQueryDto } from './dto/list-events-query.dto';
import { serverSentEvents } from './live-stream';

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
    return serverSentEvents(this.auditTrail.liveEvents(), () => this.auditTrail.startListening());
  }
}
