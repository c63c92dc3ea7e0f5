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
}
