import { ApiProperty } from '@nestjs/swagger';

export class SurgeIncidentDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() slaMinutes!: number;
}

export class SurgeStatusDto {
  @ApiProperty() active!: boolean;
  @ApiProperty({ type: SurgeIncidentDto, nullable: true }) incident!: SurgeIncidentDto | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) activatedAt!: string | null;
}
