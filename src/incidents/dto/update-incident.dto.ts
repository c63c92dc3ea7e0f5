import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { NotBlank, OmittableNotNull } from '../../common/validation/field-decorators';

/** PATCH /incidents/:id: a field left out keeps its value. */
export class UpdateIncidentDto {
  @ApiPropertyOptional({ example: 'Ash cloud over northern Europe' })
  @OmittableNotNull()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  @NotBlank()
  name?: string;

  @ApiPropertyOptional({ example: 'Airspace closed; all flights from AMS cancelled' })
  @OmittableNotNull()
  @IsString()
  @MaxLength(2000)
  description?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 10080, description: 'promised first response, in minutes' })
  @OmittableNotNull()
  @IsInt()
  @Min(1)
  @Max(10080)
  slaMinutes?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 24, description: "a volunteer's claimed shift hours in any 24-hour window may not exceed this" })
  @OmittableNotNull()
  @IsInt()
  @Min(1)
  @Max(24)
  maxShiftHoursPer24h?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 20, description: 'the highest maxConcurrent a volunteer may choose at enrollment' })
  @OmittableNotNull()
  @IsInt()
  @Min(1)
  @Max(20)
  volunteerMaxConcurrent?: number;
}
