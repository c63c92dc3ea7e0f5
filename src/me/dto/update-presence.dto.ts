import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';

export const SETTABLE_PRESENCES = ['available', 'away'] as const;
export type SettablePresence = (typeof SETTABLE_PRESENCES)[number];

export class UpdatePresenceDto {
  @ApiProperty({ enum: SETTABLE_PRESENCES, description: '`away` takes no new work and keeps current work' })
  @IsIn(SETTABLE_PRESENCES)
  status!: SettablePresence;
}
