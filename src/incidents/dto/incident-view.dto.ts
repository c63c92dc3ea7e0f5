import { ApiProperty } from '@nestjs/swagger';

export const INCIDENT_STATUSES = ['open', 'closed'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

export const SURGE_ACTIONS = ['activated', 'deactivated'] as const;
export type SurgeAction = (typeof SURGE_ACTIONS)[number];

export class SurgeHistoryEntryDto {
  @ApiProperty({ enum: SURGE_ACTIONS }) action!: SurgeAction;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) actorId!: string | null;
  @ApiProperty({ type: String, nullable: true }) actorName!: string | null;
  @ApiProperty({ format: 'date-time' }) at!: string;
}

export class IncidentViewDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true }) description!: string | null;
  @ApiProperty({ enum: INCIDENT_STATUSES }) status!: IncidentStatus;
  @ApiProperty() surgeActive!: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'when the current surge started' }) surgeActivatedAt!: string | null;
  @ApiProperty() slaMinutes!: number;
  @ApiProperty({ minimum: 1, maximum: 24 }) maxShiftHoursPer24h!: number;
  @ApiProperty({ minimum: 1, maximum: 20 }) volunteerMaxConcurrent!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) closedAt!: string | null;

  @ApiProperty({ type: [SurgeHistoryEntryDto], description: 'who switched the surge on and off, oldest first' })
  surgeHistory!: SurgeHistoryEntryDto[];
}

export class IncidentPageDto {
  @ApiProperty({ type: [IncidentViewDto] }) items!: IncidentViewDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}
