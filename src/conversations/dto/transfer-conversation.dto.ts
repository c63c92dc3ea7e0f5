import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsISO6391, IsString, MaxLength } from 'class-validator';
import { ListOf, OmittableNotNull } from '../../common/validation/field-decorators';
import { SkillRequirementDto } from '../../users/dto/agent-profile.dto';

/** The new requirements replace the rule's; the agent transferring away is never chosen again. */
export class TransferConversationDto {
  @ApiPropertyOptional({ example: 'de', description: 'ISO 639-1 code the next agent must speak' })
  @OmittableNotNull()
  @IsISO6391({ message: 'language must be an ISO 639-1 language code' })
  language?: string;

  @ApiPropertyOptional({ type: [SkillRequirementDto] })
  @OmittableNotNull()
  @ListOf(() => SkillRequirementDto)
  @ArrayMaxSize(20)
  @ArrayUnique((skill: SkillRequirementDto) => skill?.name, { message: 'requiredSkills must not repeat a name' })
  requiredSkills?: SkillRequirementDto[];

  @ApiPropertyOptional({ maxLength: 1000, description: 'hand-over remark, kept as an internal note on the conversation' })
  @OmittableNotNull()
  @IsString()
  @MaxLength(1000)
  note?: string;
}
