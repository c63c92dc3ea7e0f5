import { ApiProperty } from '@nestjs/swagger';
import { Presence, PRESENCES } from '../../users/agent.entity';

export class PresenceViewDto {
  @ApiProperty({ enum: PRESENCES }) presence!: Presence;
  @ApiProperty({ format: 'date-time', type: String, nullable: true, description: 'when the current sign-in began; null when offline' })
  signedInAt!: string | null;
}
