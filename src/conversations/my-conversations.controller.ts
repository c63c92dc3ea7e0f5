import { Controller, Get, MessageEvent, Sse } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Observable } from 'rxjs';
import { AuthUser } from '../common/auth/auth-user';
import { CurrentUser, Roles } from '../common/auth/auth.decorators';
import { serverSentEvents } from '../events/live-stream';
import { AgentWorkFeed } from './agent-work-feed';
import { ConversationsService } from './conversations.service';
import { AgentConversationDto } from './dto/conversation-summary.dto';

@ApiTags('conversations')
@ApiBearerAuth()
@Controller('me/conversations')
export class MyConversationsController {
  constructor(
    private readonly conversations: ConversationsService,
    private readonly workFeed: AgentWorkFeed,
  ) {}

  @Get()
  @Roles('agent')
  @ApiOperation({ summary: "The caller's open conversations with their messages and replies, oldest first" })
  @ApiOkResponse({ type: [AgentConversationDto] })
  listMine(@CurrentUser() user: AuthUser): Promise<AgentConversationDto[]> {
    return this.conversations.listMine(user);
  }

  @Sse('stream')
  @Roles('agent')
  @ApiOperation({
    summary: "Server-Sent Events: the caller's work as it changes, instead of polling GET /me/conversations",
    description:
      'First a `ready` event once the stream is live; then each `message` carries one event (as in GET /events) that ' +
      'assigns a conversation to the caller, or requeues, transfers or resolves one of theirs; `ping` events keep idle ' +
      'connections open. Read GET /me/conversations after `ready` for the work assigned before.',
  })
  @ApiProduces('text/event-stream')
  @ApiOkResponse({ description: 'an endless text/event-stream' })
  streamMine(@CurrentUser() user: AuthUser): Observable<MessageEvent> {
    return serverSentEvents(this.workFeed.workOf(user.id), () => this.workFeed.startListening());
  }
}
