import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { NotBlank, OmittableNotNull } from '../../common/validation/field-decorators';

export const DEFAULT_SLA_MINUTES = 60;
export const DEFAULT_MAX_SHIFT_HOURS_PER_24H = 12;
export const DEFAULT_VOLUNTEER_MAX_CONCURRENT = 3;

export class CreateIncidentDto {
  @ApiProperty({ example: 'Ash cloud over northern Europe' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  @NotBlank()
  name!: string;

  @ApiPropertyOptional({ example: 'Airspace closed; all flights from AMS cancelled' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 10080, default: DEFAULT_SLA_MINUTES, description: 'promised first response, in minutes' })
  @OmittableNotNull()
  @IsInt()
  @Min(1)
  @Max(10080)
  slaMinutes?: number;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: 24,
    default: DEFAULT_MAX_SHIFT_HOURS_PER_24H,
    description: "a volunteer's claimed shift hours in any 24-hour window may not exceed this",
  })
  @OmittableNotNull()
  @IsInt()
  @Min(1)
  @Max(24)
  maxShiftHoursPer24h?: number;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: 20,
    default: DEFAULT_VOLUNTEER_MAX_CONCURRENT,
    description: 'the highest maxConcurrent a volunteer may choose at enrollment, and the value when it chooses none',
  })
  @OmittableNotNull()
  @IsInt()
  @Min(1)
  @Max(20)
  volunteerMaxConcurrent?: number;
}
