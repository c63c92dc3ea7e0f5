import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsISO6391,
  IsString,
  Length,
  Matches,
} from 'class-validator';
import { Channel, CHANNELS } from '../../engine/engine.types';
import { OptionalField } from './rule-validators';

/** Every given condition must hold; an empty match matches every message. */
export class RuleMatchDto {
  @ApiPropertyOptional({ enum: CHANNELS, isArray: true, example: ['twitter', 'facebook'] })
  @OptionalField()
  @IsArray()
  @ArrayUnique()
  @IsIn(CHANNELS, { each: true })
  channels?: Channel[];

  @ApiPropertyOptional({ type: [String], example: ['de', 'nl'], description: 'ISO 639-1 codes of the message language' })
  @OptionalField()
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsISO6391({ each: true, message: 'languages must hold ISO 639-1 language codes' })
  languages?: string[];

  @ApiPropertyOptional({
    type: [String],
    maxItems: 50,
    example: ['wheelchair', 'medical', 'unaccompanied'],
    description: 'any of them, case-insensitive, as whole words (1-100 characters each)',
  })
  @OptionalField()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 100, { each: true, message: 'keywordsAny entries must be 1 to 100 characters long' })
  @Matches(/\S/, { each: true, message: 'keywordsAny entries must not be blank' })
  keywordsAny?: string[];

  @ApiPropertyOptional({ description: 'true: the message carries a flight number; false: it does not' })
  @OptionalField()
  @IsBoolean()
  hasFlightNumber?: boolean;

  @ApiPropertyOptional({ description: 'true: only while a surge is active' })
  @OptionalField()
  @IsBoolean()
  surgeOnly?: boolean;
}
