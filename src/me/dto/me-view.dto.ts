import { ApiProperty } from '@nestjs/swagger';
import { LanguageLevelDto, SkillLevelDto } from '../../users/dto/agent-profile.dto';
import { AGENT_KINDS, AgentKind, Presence, PRESENCES } from '../../users/agent.entity';
import { ACCOUNT_STATUSES, AccountStatus, Role, ROLES } from '../../users/user.entity';

export class MeProfileDto {
  @ApiProperty({ type: [LanguageLevelDto] }) languages!: LanguageLevelDto[];
  @ApiProperty({ type: [SkillLevelDto] }) skills!: SkillLevelDto[];
  @ApiProperty() maxConcurrent!: number;
}

export class MeShiftDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'date-time' }) startsAt!: string;
  @ApiProperty({ format: 'date-time' }) endsAt!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) incidentId!: string | null;
}

export class MeViewDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ROLES }) role!: Role;
  @ApiProperty({ enum: AGENT_KINDS, nullable: true }) kind!: AgentKind | null;
  @ApiProperty({ enum: ACCOUNT_STATUSES }) status!: AccountStatus;
  @ApiProperty({ type: MeProfileDto, nullable: true, description: 'agents only' }) profile!: MeProfileDto | null;
  @ApiProperty({ enum: PRESENCES, nullable: true, description: 'agents only' }) presence!: Presence | null;
  @ApiProperty({ type: Number, nullable: true, description: 'open conversations assigned now; agents only' }) load!: number | null;
  @ApiProperty({ format: 'date-time', type: String, nullable: true }) signedInAt!: string | null;

  @ApiProperty({ type: [MeShiftDto], description: 'claimed shifts that have not ended, soonest first (at most 100); empty for non-agents' })
  claimedShifts!: MeShiftDto[];
}
