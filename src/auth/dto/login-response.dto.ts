import { ApiProperty } from '@nestjs/swagger';
import { AGENT_KINDS, AgentKind } from '../../users/agent.entity';
import { Role, ROLES } from '../../users/user.entity';

export class LoginUserDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ROLES }) role!: Role;
  @ApiProperty({ enum: AGENT_KINDS, nullable: true }) kind!: AgentKind | null;
}

export class LoginResponseDto {
  @ApiProperty() accessToken!: string;
  @ApiProperty({ type: LoginUserDto }) user!: LoginUserDto;
}
