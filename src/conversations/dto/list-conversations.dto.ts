import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import { ListQueryDto } from '../../common/pagination/page';
import { Channel, CHANNELS } from '../../routing/engine/engine.types';
import { CONVERSATION_STATUSES, ConversationStatus } from './conversation-summary.dto';

export class ListConversationsQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ enum: CONVERSATION_STATUSES })
  @IsOptional()
  @IsIn(CONVERSATION_STATUSES)
  status?: ConversationStatus;

  @ApiPropertyOptional({ example: 'nl', description: 'ISO 639-1 code, or `und`' })
  @IsOptional()
  @Matches(/^([a-z]{2}|und)$/, { message: 'language must be an ISO 639-1 code or und' })
  language?: string;

  @ApiPropertyOptional({ enum: CHANNELS })
  @IsOptional()
  @IsIn(CHANNELS)
  channel?: Channel;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'the agent holding the conversation now, or, for a resolved one, the agent holding it when it was resolved',
  })
  @IsOptional()
  @IsUUID()
  agentId?: string;
}
