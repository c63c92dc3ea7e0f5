import { ApiProperty } from '@nestjs/swagger';

export const CONVERSATION_STATUSES = ['queued', 'assigned', 'resolved'] as const;
export type ConversationStatus = (typeof CONVERSATION_STATUSES)[number];

export class IntakeResultDto {
  @ApiProperty({ format: 'uuid' })
  conversationId!: string;

  @ApiProperty({ format: 'uuid' })
  messageId!: string;

  @ApiProperty({ enum: CONVERSATION_STATUSES, description: 'The status of the conversation the message is part of' })
  status!: ConversationStatus;

  @ApiProperty({ description: 'true when this (channel, externalId) was already received; nothing changed' })
  duplicate!: boolean;

  @ApiProperty({ type: Number, nullable: true, example: 12, description: 'place in its language\'s queue (1 = next); null once assigned' })
  queuePosition!: number | null;

  @ApiProperty({
    type: Number,
    nullable: true,
    example: 540,
    description:
      'estimated wait in seconds: 0 when an agent who speaks the language has room now; else the conversations up to this one ' +
      'divided by the rate its language was assigned over the last 15 minutes, or the time until enough scheduled capacity signs in; ' +
      'null when nothing is known',
  })
  estimatedWaitSeconds!: number | null;
}
