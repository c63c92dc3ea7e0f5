import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser } from '../common/auth/auth-user';
import { CurrentUser, Roles } from '../common/auth/auth.decorators';
import { ConversationsService } from './conversations.service';
import { AgentConversationDto } from './dto/conversation-summary.dto';

@ApiTags('conversations')
@ApiBearerAuth()
@Controller('me/conversations')
export class MyConversationsController {
  constructor(private readonly conversations: ConversationsService) {}

  @Get()
  @Roles('agent')
  @ApiOperation({ summary: "The caller's open conversations with their messages and replies, oldest first" })
  @ApiOkResponse({ type: [AgentConversationDto] })
  listMine(@CurrentUser() user: AuthUser): Promise<AgentConversationDto[]> {
    return this.conversations.listMine(user);
  }
}
