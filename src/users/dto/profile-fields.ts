import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsInt, Max, Min } from 'class-validator';
import { ListOf, OmittableNotNull } from '../../common/validation/field-decorators';
import { LanguageLevelDto, SkillLevelDto } from './agent-profile.dto';

export { OmittableNotNull };

interface FieldOptions {
  /** PATCH: the default is not documented, since a field left out keeps its current value. */
  partialUpdate?: boolean;
}

/** Left out: the default (or, in a PATCH, unchanged); null is never a value for these fields. */
const optionality = (_options: FieldOptions) => OmittableNotNull();

/** The agent profile fields shared by account creation, enrollment and profile changes. */
export const LanguagesField = (options: { required: boolean } & FieldOptions) =>
  applyDecorators(
    options.required ? ApiProperty({ type: [LanguageLevelDto] }) : ApiPropertyOptional({ type: [LanguageLevelDto] }),
    ...(options.required ? [] : [optionality(options)]),
    ListOf(() => LanguageLevelDto),
    ArrayMaxSize(30),
    ArrayUnique((language: LanguageLevelDto) => language?.code, { message: 'languages must not repeat a code' }),
  );

export const SkillsField = (options: FieldOptions = {}) =>
  applyDecorators(
    ApiPropertyOptional({ type: [SkillLevelDto] }),
    optionality(options),
    ListOf(() => SkillLevelDto),
    ArrayMaxSize(50),
    ArrayUnique((skill: SkillLevelDto) => skill?.name, { message: 'skills must not repeat a name' }),
  );

export const MaxConcurrentField = (options: FieldOptions = {}) =>
  applyDecorators(
    ApiPropertyOptional({ minimum: 1, maximum: 20, ...(options.partialUpdate ? {} : { default: 3 }) }),
    optionality(options),
    IsInt(),
    Min(1),
    Max(20),
  );
