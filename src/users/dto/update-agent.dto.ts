import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, MaxLength, MinLength } from 'class-validator';
import { NotBlank } from '../../common/validation/field-decorators';
import { LanguageLevelDto, SkillLevelDto } from './agent-profile.dto';
import { LanguagesField, MaxConcurrentField, OmittableNotNull, SkillsField } from './profile-fields';

export const SETTABLE_STATUSES = ['active', 'suspended'] as const;
export type SettableStatus = (typeof SETTABLE_STATUSES)[number];

/** Only the fields given change; `languages` and `skills` replace the whole list. */
export class UpdateAgentDto {
  @ApiPropertyOptional({ example: 'Sam Jansen' })
  @OmittableNotNull()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  @NotBlank()
  name?: string;

  @LanguagesField({ required: false, partialUpdate: true })
  languages?: LanguageLevelDto[];

  @SkillsField({ partialUpdate: true })
  skills?: SkillLevelDto[];

  @MaxConcurrentField({ partialUpdate: true })
  maxConcurrent?: number;

  @ApiPropertyOptional({
    enum: SETTABLE_STATUSES,
    description: '`suspended` signs the agent out; `active` lifts a suspension (pending volunteers are approved instead)',
  })
  @OmittableNotNull()
  @IsIn(SETTABLE_STATUSES)
  status?: SettableStatus;
}
