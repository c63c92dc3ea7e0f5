import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import { ListQueryDto } from '../../common/pagination/page';
import { FLIGHT_NUMBER_PATTERN } from '../../intake/dto/receive-message.dto';
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

  @ApiPropertyOptional({ example: 'KL1234', description: 'normalised like intake (`kl 1234` finds KL1234)' })
  @IsOptional()
  @Matches(FLIGHT_NUMBER_PATTERN, { message: 'flightNumber must be an airline designator and a number, like KL1234' })
  flightNumber?: string;

  @ApiPropertyOptional({ type: Boolean, description: 'true: only work nobody on the roster can take; false: only the rest' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'unroutable must be true or false' })
  unroutable?: boolean;
}
