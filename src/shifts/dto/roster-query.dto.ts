import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsISO8601, Max, Min } from 'class-validator';

export const DEFAULT_BUCKET_MINUTES = 60;
export const MAX_ROSTER_BUCKETS = 500;

export class RosterQueryDto {
  @ApiProperty({ description: 'start of the first bucket (ISO-8601)' })
  @IsISO8601({ strict: true }, { message: 'from must be an ISO-8601 date-time' })
  from!: string;

  @ApiProperty({ description: 'end of the last bucket (ISO-8601), after from' })
  @IsISO8601({ strict: true }, { message: 'to must be an ISO-8601 date-time' })
  to!: string;

  @ApiPropertyOptional({ minimum: 15, maximum: 1440, default: DEFAULT_BUCKET_MINUTES, description: `at most ${MAX_ROSTER_BUCKETS} buckets between from and to` })
  @Type(() => Number)
  @IsInt()
  @Min(15)
  @Max(1440)
  bucketMinutes: number = DEFAULT_BUCKET_MINUTES;
}
