import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsISO8601, IsNumber, IsOptional, Max, Min } from 'class-validator';

export const DEFAULT_PLAN_BUCKET_MINUTES = 60;
export const DEFAULT_TARGET_ATTAINMENT = 0.985;
/** A plan looks at most a week ahead. */
export const MAX_PLAN_HOURS = 168;

export class StaffingPlanQueryDto {
  @ApiPropertyOptional({ description: 'start of the first bucket (ISO-8601); default now' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'from must be an ISO-8601 date-time' })
  from?: string;

  @ApiPropertyOptional({ description: `end of the last bucket (ISO-8601), after from and at most ${MAX_PLAN_HOURS} h later; default from + 24 h` })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'to must be an ISO-8601 date-time' })
  to?: string;

  @ApiPropertyOptional({ minimum: 15, maximum: 240, default: DEFAULT_PLAN_BUCKET_MINUTES })
  @Type(() => Number)
  @IsInt()
  @Min(15)
  @Max(240)
  bucketMinutes: number = DEFAULT_PLAN_BUCKET_MINUTES;

  @ApiPropertyOptional({ minimum: 0.5, maximum: 0.999, default: DEFAULT_TARGET_ATTAINMENT })
  @Type(() => Number)
  @IsNumber()
  @Min(0.5)
  @Max(0.999)
  targetAttainment: number = DEFAULT_TARGET_ATTAINMENT;
}
