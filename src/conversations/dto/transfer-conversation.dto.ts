import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsISO6391,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { SkillRequirementDto } from '../../users/dto/agent-profile.dto';

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
