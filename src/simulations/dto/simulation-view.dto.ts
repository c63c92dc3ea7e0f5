import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class SimulationCreatedDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
}

export class SimulationViewDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['running', 'done', 'failed'] }) status!: 'running' | 'done' | 'failed';
  @ApiProperty({ minimum: 0, maximum: 1, description: 'share of the conversations answered or abandoned so far' }) progress!: number;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description:
      "planning.md's figures once done: answered, abandoned, answeredWithinSla, slaAttainment, firstResponseMinutes, byLanguage, utilisation, maxQueued, hourly, and plan with staffing: plan",
  })
  result!: Record<string, unknown> | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'why it failed' }) error!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) finishedAt!: string | null;
  @ApiProperty({ description: 'the chart (SVG) of queue, agents and p90 first response per hour, once done' }) chartUrl!: string;
}
