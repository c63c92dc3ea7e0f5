import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsInt,
  IsISO6391,
  IsISO8601,
  IsUUID,
  Matches,
  Max,
  Min,
} from 'class-validator';
import { OmittableNotNull } from '../../common/validation/field-decorators';
import { SKILL_NAME_PATTERN } from '../../users/dto/agent-profile.dto';

export class CreateShiftDto {
  @ApiProperty({ format: 'date-time', example: '2024-04-15T08:00:00Z', description: 'ISO-8601 date-time' })
  @IsISO8601({ strict: true }, { message: 'startsAt must be an ISO-8601 date-time' })
  startsAt!: string;

  @ApiProperty({ format: 'date-time', example: '2024-04-15T16:00:00Z', description: 'after startsAt, at most 12 hours later, in the future' })
  @IsISO8601({ strict: true }, { message: 'endsAt must be an ISO-8601 date-time' })
  endsAt!: string;

  @ApiProperty({ minimum: 1, maximum: 500, description: 'how many agents the shift needs' })
  @IsInt()
  @Min(1)
  @Max(500)
  slots!: number;

  @ApiPropertyOptional({ type: [String], example: ['nl', 'en'], description: 'ISO 639-1 codes the shift is staffed for (informational)' })
  @OmittableNotNull()
  @IsArray()
  @ArrayMaxSize(30)
  @ArrayUnique({ message: 'languages must not repeat a code' })
  @IsISO6391({ each: true, message: 'languages must hold ISO 639-1 language codes' })
  languages?: string[];

  @ApiPropertyOptional({ type: [String], example: ['rebooking'], description: 'skill names the shift is staffed for (informational)' })
  @OmittableNotNull()
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique({ message: 'skills must not repeat a name' })
  @Matches(SKILL_NAME_PATTERN, { each: true, message: 'skills must hold lower-case [a-z0-9_-] names of 1 to 40 characters' })
  skills?: string[];

  @ApiPropertyOptional({ format: 'uuid', description: 'the incident this shift staffs; volunteers may claim only their own incident’s shifts' })
  @OmittableNotNull()
  @IsUUID()
  incidentId?: string;
}
