import { ApiProperty } from '@nestjs/swagger';
import { Channel, CHANNELS } from '../../routing/engine/engine.types';

export const CONVERSATION_STATUSES = ['queued', 'assigned', 'resolved'] as const;
export type ConversationStatus = (typeof CONVERSATION_STATUSES)[number];

export const DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export class UnroutableDto {
  @ApiProperty({ format: 'date-time', description: 'since when no agent on the roster can take it' }) since!: string;
  @ApiProperty({ example: 'no agent speaks fi at level 3', description: 'what the roster is missing' }) reason!: string;
}

export class ConversationSummaryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: CHANNELS }) channel!: Channel;
  @ApiProperty({ description: "the passenger's handle on the channel" }) handle!: string;
  @ApiProperty({ type: String, nullable: true }) fromName!: string | null;
  @ApiProperty({ example: 'nl', description: 'ISO 639-1 code, or `und` when unsure' }) language!: string;
  @ApiProperty({ type: String, nullable: true, example: 'KL1234' }) flightNumber!: string | null;
  @ApiProperty({ enum: CONVERSATION_STATUSES }) status!: ConversationStatus;
  @ApiProperty({ minimum: 0, maximum: 10, description: 'higher is served first' }) priority!: number;
  @ApiProperty({ description: 'escalation steps reached while waiting (0 = none)' }) escalationStep!: number;
  @ApiProperty({ format: 'date-time', description: "the first message's time; the conversation's age in the queue" }) receivedAt!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'the agent holding it now (assigned only)' })
  assignedAgentId!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) assignedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) firstResponseAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) resolvedAt!: string | null;
  @ApiProperty({
    type: UnroutableDto,
    nullable: true,
    description: 'set while it is queued and no active agent signed in or with a claimed shift starting within 2 hours meets its requirements',
  })
  unroutable!: UnroutableDto | null;
}

export class MessageViewDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: CHANNELS }) channel!: Channel;
  @ApiProperty() externalId!: string;
  @ApiProperty() text!: string;
  @ApiProperty() language!: string;
  @ApiProperty({ format: 'date-time' }) receivedAt!: string;
}

export const REPLY_KINDS = ['reply', 'acknowledgement'] as const;
export type ReplyKind = (typeof REPLY_KINDS)[number];

export class ReplyViewDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({
    enum: REPLY_KINDS,
    description: '`acknowledgement`: sent by the service on arrival (routing rule); never a response in any figure',
  })
  kind!: ReplyKind;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'the agent who replied; null for a manager or the service' })
  agentId!: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'who sent it; null for an acknowledgement' })
  authorId!: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'the approved answer it was composed from' })
  templateId!: string | null;
  @ApiProperty({ description: 'the text sent' }) text!: string;
  @ApiProperty({ enum: DELIVERY_STATUSES }) deliveryStatus!: DeliveryStatus;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
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
