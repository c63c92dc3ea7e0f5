import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';

export const HISTORY_BUCKET_MINUTES = [5, 10, 15, 30, 60] as const;
export const MAX_HISTORY_HOURS = 24;

export class StatsHistoryQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_HISTORY_HOURS, default: 6, description: 'how far back, in hours, from now' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_HISTORY_HOURS)
  hours: number = 6;

  @ApiPropertyOptional({ enum: HISTORY_BUCKET_MINUTES, default: 10 })
  @IsOptional()
  @Type(() => Number)
  @IsIn(HISTORY_BUCKET_MINUTES, { message: `bucketMinutes must be one of ${HISTORY_BUCKET_MINUTES.join(', ')}` })
  bucketMinutes: number = 10;
}

export class StatsHistoryPointDto {
  @ApiProperty({ description: 'the end of the bucket (the last one ends now)' }) at!: string;
  @ApiProperty({ description: 'conversations received and neither assigned nor resolved at `at`' }) waiting!: number;
  @ApiProperty({ description: 'first replies sent within the bucket' }) firstResponses!: number;
  @ApiProperty({ nullable: true, type: Number, description: 'nearest-rank median first-response time, in seconds, of the first replies sent within the bucket; null when none' })
  firstResponseP50Seconds!: number | null;
}

/** Waiting conversations and first-response times over the last hours, for the live queue's chart. */
export class StatsHistoryDto {
  @ApiProperty() bucketMinutes!: number;
  @ApiProperty({ type: [StatsHistoryPointDto], description: 'oldest first' }) points!: StatsHistoryPointDto[];
}
