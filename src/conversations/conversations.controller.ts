import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AuthUser } from '../common/auth/auth-user';
import { CurrentUser, Roles } from '../common/auth/auth.decorators';
import { ConversationIdParam } from './conversation-id.param';
import { ConversationWorkService } from './conversation-work.service';
import { ConversationsService } from './conversations.service';
import { ConversationDetailDto } from './dto/conversation-detail.dto';
import { ConversationPageDto, ConversationSummaryDto, ReplyViewDto } from './dto/conversation-summary.dto';
import { CreateReplyDto } from './dto/create-reply.dto';
import { ListConversationsQueryDto } from './dto/list-conversations.dto';
import { TransferConversationDto } from './dto/transfer-conversation.dto';

@ApiTags('conversations')
@ApiBearerAuth()
@Controller('conversations')
export class ConversationsController {
  constructor(
    private readonly conversations: ConversationsService,
    private readonly work: ConversationWorkService,
  ) {}

  @Get()
  @Roles('incident_manager')
  @ApiOperation({ summary: 'Conversations in queue age order (oldest first), filtered' })
  @ApiOkResponse({ type: ConversationPageDto })
  list(@Query() query: ListConversationsQueryDto): Promise<ConversationPageDto> {
    return this.conversations.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One conversation with its thread, assignments and routing decisions (why this agent)' })
  @ApiOkResponse({ type: ConversationDetailDto })
  @ApiForbiddenResponse({ description: 'an agent the conversation is not assigned to' })
  @ApiNotFoundResponse()
  detail(@CurrentUser() user: AuthUser, @ConversationIdParam() id: string): Promise<ConversationDetailDto> {
    return this.conversations.detail(user, id);
  }

  @Post(':id/replies')
  @Roles('agent')
  @ApiOperation({ summary: 'Reply to the passenger; delivered through the outbound queue of the channel' })
  @ApiCreatedResponse({ type: ReplyViewDto })
  @ApiForbiddenResponse({ description: 'the conversation is not assigned to the caller' })
  @ApiNotFoundResponse()
  reply(@CurrentUser() user: AuthUser, @ConversationIdParam() id: string, @Body() body: CreateReplyDto): Promise<ReplyViewDto> {
    return this.work.reply(user, id, body);
  }

  @Post(':id/resolve')
  @HttpCode(200)
  @Roles('agent', 'incident_manager')
  @ApiOperation({ summary: 'Resolve: frees the agent capacity and routes waiting work to it' })
  @ApiOkResponse({ type: ConversationSummaryDto })
  @ApiConflictResponse({ description: 'already resolved' })
  @ApiNotFoundResponse()
  resolve(@CurrentUser() user: AuthUser, @ConversationIdParam() id: string): Promise<ConversationSummaryDto> {
    return this.work.resolve(user, id);
  }

  @Post(':id/transfer')
  @HttpCode(200)
  @Roles('agent', 'incident_manager')
  @ApiOperation({ summary: 'Back to the queue with new requirements; never routed to the same agent again' })
  @ApiOkResponse({ type: ConversationSummaryDto })
  @ApiConflictResponse({ description: 'not assigned (queued or resolved)' })
  @ApiNotFoundResponse()
  transfer(
    @CurrentUser() user: AuthUser,
    @ConversationIdParam() id: string,
    @Body() body: TransferConversationDto,
  ): Promise<ConversationSummaryDto> {
    return this.work.transfer(user, id, body);
  }
}
