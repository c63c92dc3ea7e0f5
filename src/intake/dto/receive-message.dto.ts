import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDefined,
  IsIn,
  IsISO6391,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { NotInFuture } from './not-in-future.validator';

export const CHANNELS = ['twitter', 'facebook', 'whatsapp', 'email', 'sms', 'web'] as const;
export type Channel = (typeof CHANNELS)[number];

/**
 * Airline designator (two letters or digits, at least one letter) and a 1-4 digit number, optional
 * suffix, in any case and with an optional space or dash: `kl 1234` is stored as KL1234.
 */
export const FLIGHT_NUMBER_PATTERN = /^\s*(?=[A-Za-z0-9]?[A-Za-z])[A-Za-z0-9]{2}[\s-]?[0-9]{1,4}[A-Za-z]?\s*$/;

/** Connectors and passenger clocks drift; a few seconds ahead of ours is not "in the future". */
export const RECEIVED_AT_CLOCK_SKEW_MS = 5_000;

export class IntakeSenderDto {
  @ApiProperty({ example: '@stranded_sam', description: 'The sender on its channel (handle, phone number, email)' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  handle!: string;

  @ApiPropertyOptional({ example: 'Sam Jansen', maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  name?: string;
}

export class ReceiveMessageDto {
  @ApiProperty({ enum: CHANNELS })
  @IsIn(CHANNELS)
  channel!: Channel;

  @ApiProperty({ example: '1786234509821', description: "The message's id on its channel; (channel, externalId) is unique" })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  externalId!: string;

  @ApiProperty({ type: IntakeSenderDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => IntakeSenderDto)
  from!: IntakeSenderDto;

  @ApiProperty({ minLength: 1, maxLength: 5000 })
  @IsString()
  @MinLength(1)
  @MaxLength(5000)
  @Matches(/\S/, { message: 'text must not be blank' })
  text!: string;

  @ApiPropertyOptional({ example: 'nl', description: 'ISO 639-1; detected from the text when absent (`und` when unsure)' })
  @IsOptional()
  @IsISO6391({ message: 'language must be an ISO 639-1 language code' })
  language?: string;

  @ApiPropertyOptional({
    example: 'KL1234',
    pattern: FLIGHT_NUMBER_PATTERN.source,
    description: 'normalised (`kl 1234` → KL1234); when absent, the one flight number the text names, if it names exactly one',
  })
  @IsOptional()
  @Matches(FLIGHT_NUMBER_PATTERN, { message: 'flightNumber must be an airline designator and a number, like KL1234' })
  flightNumber?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'When the channel received it; not in the future; defaults to now' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'receivedAt must be an ISO-8601 timestamp' })
  @NotInFuture(RECEIVED_AT_CLOCK_SKEW_MS)
  receivedAt?: string;
}
