import { ApiProperty } from '@nestjs/swagger';
import { AGENT_KINDS, AgentKind, Presence, PRESENCES } from '../agent.entity';
import { ACCOUNT_STATUSES, AccountStatus, Role, ROLES } from '../user.entity';
import { LanguageLevelDto, SkillLevelDto } from './agent-profile.dto';

export class AccountViewDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ROLES }) role!: Role;
  @ApiProperty({ enum: ACCOUNT_STATUSES }) status!: AccountStatus;
  @ApiProperty({ enum: AGENT_KINDS, nullable: true }) kind!: AgentKind | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class AgentViewDto extends AccountViewDto {
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'the incident a volunteer enrolled for' })
  incidentId!: string | null;

  @ApiProperty({ type: [LanguageLevelDto] }) languages!: LanguageLevelDto[];
  @ApiProperty({ type: [SkillLevelDto] }) skills!: SkillLevelDto[];
  @ApiProperty() maxConcurrent!: number;
  @ApiProperty({ description: 'open conversations assigned now' }) load!: number;
  @ApiProperty({ enum: PRESENCES }) presence!: Presence;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) signedInAt!: string | null;
}
