import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsNumber, IsObject, IsOptional, Max, Min } from 'class-validator';
import { DEFAULT_PLAN_BUCKET_MINUTES, DEFAULT_TARGET_ATTAINMENT } from './staffing-plan-query.dto';

export class ScenarioPlanRequestDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: "a scenario in planning.md's shape; checked field by field (a 400 names the field, e.g. scenario.arrivals.total)",
  })
  @IsObject()
  scenario!: Record<string, unknown>;

  @ApiPropertyOptional({ minimum: 15, maximum: 240, default: DEFAULT_PLAN_BUCKET_MINUTES })
  @IsOptional()
  @IsInt()
  @Min(15)
  @Max(240)
  bucketMinutes?: number;

  @ApiPropertyOptional({ minimum: 0.5, maximum: 0.999, default: DEFAULT_TARGET_ATTAINMENT })
  @IsOptional()
  @IsNumber()
  @Min(0.5)
  @Max(0.999)
  targetAttainment?: number;
}
