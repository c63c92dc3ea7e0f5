import { ApiProperty } from '@nestjs/swagger';

export const INCIDENT_STATUSES = ['open', 'closed'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

export const SURGE_ACTIONS = ['activated', 'deactivated'] as const;
export type SurgeAction = (typeof SURGE_ACTIONS)[number];

export class SurgeHistoryEntryDto {
  @ApiProperty({ enum: SURGE_ACTIONS }) action!: SurgeAction;
  @ApiProperty({ format: 'uuid', nullable: true }) actorId!: string | null;
  @ApiProperty({ nullable: true }) actorName!: string | null;
  @ApiProperty() at!: string;
}

export class IncidentViewDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ nullable: true }) description!: string | null;
  @ApiProperty({ enum: INCIDENT_STATUSES }) status!: IncidentStatus;
  @ApiProperty() surgeActive!: boolean;
  @ApiProperty({ nullable: true, description: 'when the current surge started' }) surgeActivatedAt!: string | null;
  @ApiProperty() slaMinutes!: number;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ nullable: true }) closedAt!: string | null;

  @ApiProperty({ type: [SurgeHistoryEntryDto], description: 'who switched the surge on and off, oldest first' })
  surgeHistory!: SurgeHistoryEntryDto[];
}

export class IncidentPageDto {
  @ApiProperty({ type: [IncidentViewDto] }) items!: IncidentViewDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}
