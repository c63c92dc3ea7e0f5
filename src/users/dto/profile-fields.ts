import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsInt, IsOptional, Max, Min, ValidateIf, ValidateNested } from 'class-validator';
import { LanguageLevelDto, SkillLevelDto } from './agent-profile.dto';

/**
 * In a partial update (PATCH) a field may be left out but not set to null: IsOptional would let
 * null through and it would clear a column that must always have a value.
 */
export const OmittableNotNull = () => ValidateIf((_object, value: unknown) => value !== undefined);

interface FieldOptions {
  partialUpdate?: boolean;
}

const optionality = (options: FieldOptions) => (options.partialUpdate ? OmittableNotNull() : IsOptional());

/** The agent profile fields shared by account creation, enrollment and profile changes. */
export const LanguagesField = (options: { required: boolean } & FieldOptions) =>
  applyDecorators(
    options.required ? ApiProperty({ type: [LanguageLevelDto] }) : ApiPropertyOptional({ type: [LanguageLevelDto] }),
    ...(options.required ? [] : [optionality(options)]),
    IsArray(),
    ArrayMaxSize(30),
    ArrayUnique((language: LanguageLevelDto) => language?.code, { message: 'languages must not repeat a code' }),
    ValidateNested({ each: true }),
    Type(() => LanguageLevelDto),
  );

export const SkillsField = (options: FieldOptions = {}) =>
  applyDecorators(
    ApiPropertyOptional({ type: [SkillLevelDto] }),
    optionality(options),
    IsArray(),
    ArrayMaxSize(50),
    ArrayUnique((skill: SkillLevelDto) => skill?.name, { message: 'skills must not repeat a name' }),
    ValidateNested({ each: true }),
    Type(() => SkillLevelDto),
  );

export const MaxConcurrentField = (options: FieldOptions = {}) =>
  applyDecorators(
    ApiPropertyOptional({ minimum: 1, maximum: 20, ...(options.partialUpdate ? {} : { default: 3 }) }),
    optionality(options),
    IsInt(),
    Min(1),
    Max(20),
  );
