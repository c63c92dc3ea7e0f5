import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsISO6391,
  IsObject,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';

const NOT_BLANK = /\S/;

export class TemplateVariantDto {
  @ApiProperty({ example: 'nl', description: 'ISO 639-1 code; one variant per language' })
  @IsISO6391({ message: 'language must be an ISO 639-1 language code' })
  language!: string;

  @ApiProperty({
    minLength: 1,
    maxLength: 2000,
    example: 'Beste {{passengerName}}, vlucht {{flightNumber}} is geannuleerd. Wachttijd: {{estimatedWait}}. {{agentName}}',
    description: 'may use {{passengerName}}, {{flightNumber}}, {{estimatedWait}} and {{agentName}}; any other {{…}} is refused',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  @Matches(NOT_BLANK, { message: 'text must not be blank' })
  text!: string;
}

/** An approved answer: POST creates one, PUT replaces one whole. */
export class SaveTemplateDto {
  @ApiProperty({ minLength: 1, maxLength: 100, example: 'Cancelled flight: rebooking', description: 'unique' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  @Matches(NOT_BLANK, { message: 'name must not be blank' })
  name!: string;

  @ApiProperty({ type: [TemplateVariantDto], minItems: 1, maxItems: 30 })
  @IsArray()
  @IsObject({ each: true, message: 'each value in variants must be an object' })
  @ValidateNested({ each: true })
  @Type(() => TemplateVariantDto)
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @ArrayUnique((variant: TemplateVariantDto) => variant?.language, { message: 'variants must have one variant per language' })
  variants!: TemplateVariantDto[];
}
