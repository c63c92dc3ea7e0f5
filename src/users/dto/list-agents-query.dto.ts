import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO6391, IsOptional, Matches } from 'class-validator';
import { ListQueryDto } from '../../common/pagination/page';
import { AGENT_KINDS, AgentKind, Presence, PRESENCES } from '../agent.entity';
import { ACCOUNT_STATUSES, AccountStatus } from '../user.entity';
import { SKILL_NAME_PATTERN } from './agent-profile.dto';

/** Every filter given must hold; agents come oldest account first. */
export class ListAgentsQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ enum: AGENT_KINDS })
  @IsOptional()
  @IsIn(AGENT_KINDS)
  kind?: AgentKind;

  @ApiPropertyOptional({ enum: ACCOUNT_STATUSES })
  @IsOptional()
  @IsIn(ACCOUNT_STATUSES)
  status?: AccountStatus;

  @ApiPropertyOptional({ example: 'nl', description: 'ISO 639-1 code the agent speaks (any level)' })
  @IsOptional()
  @IsISO6391({ message: 'language must be an ISO 639-1 language code' })
  language?: string;

  @ApiPropertyOptional({ example: 'rebooking', description: 'a skill the agent has (any level)' })
  @IsOptional()
  @Matches(SKILL_NAME_PATTERN, { message: 'skill must be lower-case [a-z0-9_-], 1 to 40 characters' })
  skill?: string;

  @ApiPropertyOptional({ enum: PRESENCES })
  @IsOptional()
  @IsIn(PRESENCES)
  presence?: Presence;
}
