import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';

export const DEFAULT_SLA_MINUTES = 60;

export class CreateIncidentDto {
  @ApiProperty({ example: 'Ash cloud over northern Europe' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @ApiPropertyOptional({ example: 'Airspace closed; all flights from AMS cancelled' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 10080, default: DEFAULT_SLA_MINUTES, description: 'promised first response, in minutes' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10080)
  slaMinutes?: number;
}
