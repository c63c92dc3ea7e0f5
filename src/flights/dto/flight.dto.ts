import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength, ValidateIf } from 'class-validator';

const Omittable = () => ValidateIf((_object, value: unknown) => value !== undefined);

export class ListFlightsQueryDto {
  @ApiPropertyOptional({ enum: ['open'], default: 'open', description: 'flights with open conversations' })
  @IsOptional()
  @IsIn(['open'])
  status?: 'open';
}

export class FlightLanguageDto {
  @ApiProperty({ example: 'nl' }) language!: string;
  @ApiProperty() open!: number;
}

export class FlightSummaryDto {
  @ApiProperty({ example: 'KL1234' }) flightNumber!: string;
  @ApiProperty({ description: 'open conversations (queued or assigned)' }) open!: number;
  @ApiProperty() queued!: number;
  @ApiProperty() assigned!: number;
  @ApiProperty({ description: 'open conversations without a first response' }) unanswered!: number;
  @ApiProperty({ type: [FlightLanguageDto], description: 'most open first' }) languages!: FlightLanguageDto[];
  @ApiProperty({ format: 'date-time' }) oldestReceivedAt!: string;
}

export class FlightListDto {
  @ApiProperty({ type: [FlightSummaryDto], description: 'most open first' }) items!: FlightSummaryDto[];
  @ApiProperty({ type: String, nullable: true, description: 'always null: every flight with open work is listed' }) nextCursor!: string | null;
}

/** Exactly one of `text` and `templateId`. */
export class FlightReplyDto {
  @ApiPropertyOptional({ minLength: 1, maxLength: 5000, description: 'the same text to every passenger; or give templateId' })
  @Omittable()
  @IsString()
  @MinLength(1)
  @MaxLength(5000)
  text?: string;

  @ApiPropertyOptional({ format: 'uuid', description: "an approved answer, sent in each passenger's language (else en, else the first)" })
  @Omittable()
  @IsUUID('all', { message: 'templateId must be a UUID' })
  templateId?: string;

  @ApiPropertyOptional({ default: false, description: 'resolve every conversation replied to as well' })
  @Omittable()
  @IsBoolean()
  resolve?: boolean;
}

export class FlightReplyResultDto {
  @ApiProperty({ example: 'KL1234' }) flightNumber!: string;
  @ApiProperty({ description: 'conversations replied to' }) replied!: number;
  @ApiProperty({ description: 'conversations resolved' }) resolved!: number;
}
