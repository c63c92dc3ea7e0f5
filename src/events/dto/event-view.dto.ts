import { ApiProperty } from '@nestjs/swagger';
import { EVENT_TYPES, EventType } from '../event-types';

export class EventViewDto {
  @ApiProperty({ description: 'increasing with insertion order (a bigint as a string)', example: '1042' }) id!: string;
  @ApiProperty({ enum: EVENT_TYPES }) type!: EventType;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) actorId!: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'conversation' }) subjectType!: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) subjectId!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'never passenger text, passwords or tokens' })
  payload!: Record<string, unknown>;
  @ApiProperty({ format: 'date-time', example: '2024-11-22T10:15:00.000Z' }) at!: string;
}

export class EventPageDto {
  @ApiProperty({ type: [EventViewDto] }) items!: EventViewDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}
