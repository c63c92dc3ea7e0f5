import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { CONVERSATION_STATUSES, ConversationStatus } from './conversation-summary.dto';

export class CreateNoteDto {
  @ApiProperty({ minLength: 1, maxLength: 5000, description: 'internal: never sent to the passenger, never in logs or public figures' })
  @IsString()
  @MinLength(1)
  @MaxLength(5000)
  @Matches(/\S/, { message: 'text must not be blank' })
  text!: string;
}

export class NoteAuthorDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
}

export class NoteViewDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: NoteAuthorDto }) author!: NoteAuthorDto;
  @ApiProperty() text!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

/** An earlier conversation of the same sender (channel and handle). */
export class PreviousConversationDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: CONVERSATION_STATUSES }) status!: ConversationStatus;
  @ApiProperty({ format: 'date-time' }) receivedAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) resolvedAt!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'the agent who held it last' }) agentName!: string | null;
}
