import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsISO6391, Matches, Max, Min } from 'class-validator';

export const SKILL_NAME_PATTERN = /^[a-z0-9_-]{1,40}$/;

export class LanguageLevelDto {
  @ApiProperty({ example: 'nl', description: 'ISO 639-1 code' })
  @IsISO6391({ message: 'code must be an ISO 639-1 language code' })
  code!: string;

  @ApiProperty({ minimum: 1, maximum: 5, description: '5 is native' })
  @IsInt()
  @Min(1)
  @Max(5)
  level!: number;
}

export class SkillLevelDto {
  @ApiProperty({ example: 'rebooking', pattern: SKILL_NAME_PATTERN.source })
  @Matches(SKILL_NAME_PATTERN, { message: 'name must be lower-case [a-z0-9_-], 1 to 40 characters' })
  name!: string;

  @ApiProperty({ minimum: 1, maximum: 5 })
  @IsInt()
  @Min(1)
  @Max(5)
  level!: number;
}
