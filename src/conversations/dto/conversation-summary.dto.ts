import { ApiProperty } from '@nestjs/swagger';
import { Channel, CHANNELS } from '../../routing/engine/engine.types';

export const CONVERSATION_STATUSES = ['queued', 'assigned', 'resolved'] as const;
export type ConversationStatus = (typeof CONVERSATION_STATUSES)[number];

export const DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export class ConversationSummaryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: CHANNELS }) channel!: Channel;
  @ApiProperty({ description: "the passenger's handle on the channel" }) handle!: string;
  @ApiProperty({ nullable: true }) fromName!: string | null;
  @ApiProperty({ example: 'nl', description: 'ISO 639-1 code, or `und` when unsure' }) language!: string;
  @ApiProperty({ nullable: true, example: 'KL1234' }) flightNumber!: string | null;
  @ApiProperty({ enum: CONVERSATION_STATUSES }) status!: ConversationStatus;
  @ApiProperty({ minimum: 0, maximum: 10, description: 'higher is served first' }) priority!: number;
  @ApiProperty({ description: 'escalation steps reached while waiting (0 = none)' }) escalationStep!: number;
  @ApiProperty({ description: "the first message's time; the conversation's age in the queue" }) receivedAt!: string;
  @ApiProperty({ format: 'uuid', nullable: true, description: 'the agent holding it now (assigned only)' })
  assignedAgentId!: string | null;
  @ApiProperty({ nullable: true }) assignedAt!: string | null;
  @ApiProperty({ nullable: true }) firstResponseAt!: string | null;
  @ApiProperty({ nullable: true }) resolvedAt!: string | null;
}

export class MessageViewDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: CHANNELS }) channel!: Channel;
  @ApiProperty() externalId!: string;
  @ApiProperty() text!: string;
  @ApiProperty() language!: string;
  @ApiProperty() receivedAt!: string;
}

export class ReplyViewDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) agentId!: string;
  @ApiProperty() text!: string;
  @ApiProperty({ enum: DELIVERY_STATUSES }) deliveryStatus!: DeliveryStatus;
  @ApiProperty() createdAt!: string;
}

/** An open conversation as its agent works on it. */
export class AgentConversationDto extends ConversationSummaryDto {
  @ApiProperty({ type: [MessageViewDto], description: 'oldest first' }) messages!: MessageViewDto[];
  @ApiProperty({ type: [ReplyViewDto], description: 'oldest first' }) replies!: ReplyViewDto[];
}

export class ConversationPageDto {
  @ApiProperty({ type: [ConversationSummaryDto] }) items!: ConversationSummaryDto[];
  @ApiProperty({ type: String, nullable: true, description: 'pass as `cursor` for the next page' })
  nextCursor!: string | null;
}
