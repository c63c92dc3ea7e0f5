import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ApiError, ApiErrors } from '../openapi/api-errors.decorator';
import { AuthUser } from '../common/auth/auth-user';
import { ApiSignedIn, CurrentUser, Roles } from '../common/auth/auth.decorators';
import { ConversationIdParam } from './conversation-id.param';
import { ConversationWorkService } from './conversation-work.service';
import { ReplyService } from './reply.service';
import { NotesService } from './notes.service';
import { CreateNoteDto, NoteViewDto } from './dto/note.dto';
import { ConversationsService } from './conversations.service';
import { ConversationDetailDto } from './dto/conversation-detail.dto';
import { ConversationPageDto, ConversationSummaryDto, ReplyViewDto } from './dto/conversation-summary.dto';
import { CreateReplyDto } from './dto/create-reply.dto';
import { ListConversationsQueryDto } from './dto/list-conversations.dto';
import { TransferConversationDto } from './dto/transfer-conversation.dto';

@ApiTags('conversations')
@ApiSignedIn()
@Controller('conversations')
export class ConversationsController {
  constructor(
    private readonly conversations: ConversationsService,
    private readonly work: ConversationWorkService,
    private readonly replies: ReplyService,
    private readonly notes: NotesService,
  ) {}

  @Get()
  @Roles('incident_manager')
  @ApiOperation({ operationId: 'listConversations', summary: 'Conversations in queue age order (oldest first), filtered' })
  @ApiOkResponse({ type: ConversationPageDto })
  @ApiErrors(400)
  list(@Query() query: ListConversationsQueryDto): Promise<ConversationPageDto> {
    return this.conversations.list(query);
  }

  @Get(':id')
  @ApiOperation({ operationId: 'getConversation', summary: 'One conversation with its thread, assignments and routing decisions (why this agent)' })
  @ApiOkResponse({ type: ConversationDetailDto })
  @ApiError(403, 'an agent the conversation is not assigned to')
  @ApiError(404)
  @ApiErrors(400)
  detail(@CurrentUser() user: AuthUser, @ConversationIdParam() id: string): Promise<ConversationDetailDto> {
    return this.conversations.detail(user, id);
  }

  @Post(':id/replies')
  @Roles('agent')
  @ApiOperation({
    operationId: 'replyToConversation',
    summary: 'Reply to the passenger with `text` or an approved answer (`templateId`); delivered through the outbound queue of the channel',
  })
  @ApiError(400, 'neither or both of text and templateId, or an invalid field')
  @ApiCreatedResponse({ type: ReplyViewDto })
  @ApiError(403, 'the conversation is not assigned to the caller')
  @ApiError(404)
  reply(@CurrentUser() user: AuthUser, @ConversationIdParam() id: string, @Body() body: CreateReplyDto): Promise<ReplyViewDto> {
    return this.replies.reply(user, id, body);
  }

  @Post(':id/notes')
  @Roles('agent', 'incident_manager')
  @ApiOperation({ operationId: 'addConversationNote', summary: 'An internal note: never sent to the passenger, never logged or counted' })
  @ApiCreatedResponse({ type: NoteViewDto })
  @ApiError(403, 'an agent the conversation is not assigned to')
  @ApiError(404)
  @ApiErrors(400)
  addNote(@CurrentUser() user: AuthUser, @ConversationIdParam() id: string, @Body() body: CreateNoteDto): Promise<NoteViewDto> {
    return this.notes.addNote(user, id, body.text);
  }

  @Post(':id/resolve')
  @HttpCode(200)
  @Roles('agent', 'incident_manager')
  @ApiOperation({ operationId: 'resolveConversation', summary: 'Resolve: frees the agent capacity and routes waiting work to it' })
  @ApiOkResponse({ type: ConversationSummaryDto })
  @ApiError(409, 'already resolved')
  @ApiError(404)
  @ApiErrors(400)
  @ApiError(403, 'an agent the conversation is not assigned to')
  resolve(@CurrentUser() user: AuthUser, @ConversationIdParam() id: string): Promise<ConversationSummaryDto> {
    return this.work.resolve(user, id);
  }

  @Post(':id/transfer')
  @HttpCode(200)
  @Roles('agent', 'incident_manager')
  @ApiOperation({ operationId: 'transferConversation', summary: 'Back to the queue with new requirements; never routed to the same agent again' })
  @ApiOkResponse({ type: ConversationSummaryDto })
  @ApiError(409, 'not assigned (queued or resolved)')
  @ApiError(404)
  @ApiErrors(400)
  @ApiError(403, 'an agent the conversation is not assigned to')
  transfer(
    @CurrentUser() user: AuthUser,
    @ConversationIdParam() id: string,
    @Body() body: TransferConversationDto,
  ): Promise<ConversationSummaryDto> {
    return this.work.transfer(user, id, body);
  }
}
