import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsInt, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import { LanguageLevelDto, SkillLevelDto } from './agent-profile.dto';

/** The agent profile fields shared by account creation, enrollment and profile changes. */
export const LanguagesField = (options: { required: boolean }) =>
  applyDecorators(
    options.required ? ApiProperty({ type: [LanguageLevelDto] }) : ApiPropertyOptional({ type: [LanguageLevelDto] }),
    ...(options.required ? [] : [IsOptional()]),
    IsArray(),
    ArrayMaxSize(30),
    ArrayUnique((language: LanguageLevelDto) => language?.code, { message: 'languages must not repeat a code' }),
    ValidateNested({ each: true }),
    Type(() => LanguageLevelDto),
  );

export const SkillsField = () =>
  applyDecorators(
    ApiPropertyOptional({ type: [SkillLevelDto] }),
    IsOptional(),
    IsArray(),
    ArrayMaxSize(50),
    ArrayUnique((skill: SkillLevelDto) => skill?.name, { message: 'skills must not repeat a name' }),
    ValidateNested({ each: true }),
    Type(() => SkillLevelDto),
  );

export const MaxConcurrentField = () =>
  applyDecorators(ApiPropertyOptional({ minimum: 1, maximum: 20, default: 3 }), IsOptional(), IsInt(), Min(1), Max(20));
