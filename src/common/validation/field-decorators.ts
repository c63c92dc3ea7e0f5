import { applyDecorators } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsArray, IsObject, Matches, ValidateIf, ValidateNested } from 'class-validator';

/**
 * The field may be left out, but not sent as null: IsOptional would let null through to a use case
 * that reads an absent field as "not given" (and `null.map` answers 500), or into a NOT NULL column.
 */
export const OmittableNotNull = () => ValidateIf((_object, value: unknown) => value !== undefined);

/** A name or title people read: at least one character that is not white space. */
export const NotBlank = () => Matches(/\S/, { message: '$property must not be blank' });

/**
 * A list of nested DTOs. ValidateNested alone walks into arrays nested in the list and finds
 * nothing to complain about in `[[[]]]`; every element must be an object of `type`.
 */
export const ListOf = (type: () => new () => object) =>
  applyDecorators(
    IsArray(),
    IsObject({ each: true, message: 'each value in $property must be an object' }),
    ValidateNested({ each: true }),
    Type(type),
  );
