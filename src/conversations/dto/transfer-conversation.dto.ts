import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsInt,
  IsISO6391,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { SKILL_NAME_PATTERN } from '../../users/dto/agent-profile.dto';

export class SkillRequirementDto {
  @ApiProperty({ example: 'special-assistance', pattern: SKILL_NAME_PATTERN.source })
  @Matches(SKILL_NAME_PATTERN, { message: 'name must be lower-case [a-z0-9_-], 1 to 40 characters' })
  name!: string;

  @ApiProperty({ minimum: 1, maximum: 5 })
  @IsInt()
  @Min(1)
  @Max(5)
  minLevel!: number;
}

/** The new requirements replace the rule's; the agent transferring away is never chosen again. */
export class TransferConversationDto {
  @ApiPropertyOptional({ example: 'de', description: 'ISO 639-1 code the next agent must speak' })
  @IsOptional()
  @IsISO6391({ message: 'language must be an ISO 639-1 language code' })
  language?: string;

  @ApiPropertyOptional({ type: [SkillRequirementDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique((skill: SkillRequirementDto) => skill?.name, { message: 'requiredSkills must not repeat a name' })
  @ValidateNested({ each: true })
  @Type(() => SkillRequirementDto)
  requiredSkills?: SkillRequirementDto[];

  @ApiPropertyOptional({ maxLength: 1000, description: 'hand-over remark; accepted but not stored (it may hold passenger details)' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}
