import { Controller, Get, Headers, MessageEvent, Sse } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Observable } from 'rxjs';
import { AccessWatch } from '../auth/sessions/access-watch';
import { AuthenticatedRequest, AuthUser } from '../common/auth/auth-user';
import { ApiSignedIn, CurrentPrincipal, CurrentUser, Roles } from '../common/auth/auth.decorators';
import { EventReplay } from '../events/event-replay';
import { serverSentEvents } from '../events/live-stream';
import { AgentWorkFeed } from './agent-work-feed';
import { ConversationsService } from './conversations.service';
import { AgentConversationDto } from './dto/conversation-summary.dto';

@ApiTags('conversations')
@ApiSignedIn()
@Controller('me/conversations')
export class MyConversationsController {
  constructor(
    private readonly conversations: ConversationsService,
    private readonly workFeed: AgentWorkFeed,
    private readonly access: AccessWatch,
  ) {}

  @Get()
  @Roles('agent')
  @ApiOperation({ operationId: 'listMyConversations', summary: "The caller's open conversations with their messages and replies, oldest first" })
  @ApiOkResponse({ type: [AgentConversationDto] })
  listMine(@CurrentUser() user: AuthUser): Promise<AgentConversationDto[]> {
    return this.conversations.listMine(user);
  }

  @Sse('stream')
  @Roles('agent')
  @ApiOperation({
    operationId: 'streamMyConversations',
    summary: "Server-Sent Events: the caller's work as it changes, instead of polling GET /me/conversations",
    description:
      'First a `ready` event once the stream is live; then each `message` carries one event (as in GET /events) that ' +
      'assigns a conversation to the caller, or requeues, transfers or resolves one of theirs; `ping` events keep idle ' +
      'connections open. Read GET /me/conversations after `ready` for the work assigned before. A client reconnecting with ' +
      '`Last-Event-ID` first gets the events it missed (up to an hour back). The stream ends when the caller logs out, ' +
      'is suspended or expires.',
  })
  @ApiProduces('text/event-stream')
  @ApiOkResponse({ description: 'an endless text/event-stream' })
  streamMine(@CurrentPrincipal() caller: AuthenticatedRequest, @Headers('last-event-id') lastEventId?: string): Observable<MessageEvent> {
    return serverSentEvents(this.workFeed.feedOf(caller.user.id), EventReplay.lastEventId(lastEventId), this.access.accessLost(caller));
  }
}
