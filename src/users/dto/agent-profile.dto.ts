import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsISO6391, Matches, Max, Min } from 'class-validator';

export const SKILL_NAME_PATTERN = /^[a-z0-9_-]{1,40}$/;

/** A proficiency from 1 to 5 (for languages, 5 is native). */
const LevelField = (description?: string) =>
  applyDecorators(ApiProperty({ minimum: 1, maximum: 5, description }), IsInt(), Min(1), Max(5));

const SkillNameField = (example: string) =>
  applyDecorators(
    ApiProperty({ example, pattern: SKILL_NAME_PATTERN.source }),
    Matches(SKILL_NAME_PATTERN, { message: 'name must be lower-case [a-z0-9_-], 1 to 40 characters' }),
  );

export class LanguageLevelDto {
  @ApiProperty({ example: 'nl', description: 'ISO 639-1 code' })
  @IsISO6391({ message: 'code must be an ISO 639-1 language code' })
  code!: string;

  @LevelField('5 is native')
  level!: number;
}

/** A skill an agent has. */
export class SkillLevelDto {
  @SkillNameField('rebooking')
  name!: string;

  @LevelField()
  level!: number;
}

/** A skill a conversation needs (rules, transfers). */
export class SkillRequirementDto {
  @SkillNameField('special-assistance')
  name!: string;

  @LevelField()
  minLevel!: number;
}
