import { ApiProperty } from '@nestjs/swagger';

export class PlannedLanguageDto {
  @ApiProperty({ example: 'nl' }) language!: string;
  @ApiProperty({ description: 'conversations expected in the bucket' }) forecastArrivals!: number;
  @ApiProperty({ description: 'assigned → resolved, measured; 360 without data' }) meanHandleSeconds!: number;
  @ApiProperty({ description: 'mean maxConcurrent of agents speaking it; 3 without any' }) agentConcurrency!: number;
  @ApiProperty({ description: 'the fewest agents that reach targetAttainment' }) neededAgents!: number;
  @ApiProperty({ description: 'claimed shifts and signed-in staff covering the bucket' }) scheduledAgents!: number;
  @ApiProperty({ description: 'max(0, neededAgents − scheduledAgents)' }) shortfall!: number;
  @ApiProperty({ description: 'share answered within the SLA with scheduledAgents' }) predictedAttainment!: number;
}

export class PlanBucketDto {
  @ApiProperty({ format: 'date-time' }) start!: string;
  @ApiProperty({ format: 'date-time' }) end!: string;
  @ApiProperty({ type: [PlannedLanguageDto] }) languages!: PlannedLanguageDto[];
}

export class InviteAdviceDto {
  @ApiProperty() language!: string;
  @ApiProperty({ description: 'the largest shortfall of the language over the buckets' }) volunteers!: number;
}

export class StaffingPlanViewDto {
  @ApiProperty() slaMinutes!: number;
  @ApiProperty() targetAttainment!: number;
  @ApiProperty({ description: 'the method, in one line' }) model!: string;
  @ApiProperty({ type: [PlanBucketDto] }) buckets!: PlanBucketDto[];
  @ApiProperty({ type: [InviteAdviceDto] }) invites!: InviteAdviceDto[];
}
