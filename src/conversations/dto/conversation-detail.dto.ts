import { ApiProperty } from '@nestjs/swagger';
import { AgentConversationDto } from './conversation-summary.dto';
import { NoteViewDto, PreviousConversationDto } from './note.dto';

export const ASSIGNMENT_END_REASONS = ['resolved', 'signed_out', 'transferred', 'unresponsive', 'surge_ended', 'suspended'] as const;
export type AssignmentEndReason = (typeof ASSIGNMENT_END_REASONS)[number];

export class AssignmentViewDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) agentId!: string;
  @ApiProperty({ format: 'date-time' }) assignedAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) endedAt!: string | null;
  @ApiProperty({ enum: ASSIGNMENT_END_REASONS, nullable: true }) endReason!: AssignmentEndReason | null;
  @ApiProperty({ format: 'uuid', description: 'the routing decision that made this assignment' }) decisionId!: string;
}

/** A routing decision: the rule, the step, the requirements in force and the reason for its outcome. */
export class WaitingDecisionViewDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'null for the built-in default rule' }) ruleId!: string | null;
  @ApiProperty() ruleName!: string;
  @ApiProperty() ruleVersion!: number;
  @ApiProperty() escalationStep!: number;
  @ApiProperty({ example: 'least_loaded' }) strategy!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'requirements in force at that step' })
  requirements!: Record<string, unknown>;
  @ApiProperty({ example: 'waiting: 2 agent(s) on duty fit, none with room; needs a staff or volunteer agent speaking de at level ≥ 1' })
  reason!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

/** "Why this agent": a decision that chose one, with the candidates it ranked. */
export class RoutingDecisionViewDto extends WaitingDecisionViewDto {
  @ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true }, description: 'ranked candidates' })
  candidates!: Record<string, unknown>[];
  @ApiProperty({ format: 'uuid' }) chosenAgentId!: string;
}

export class ConversationDetailDto extends AgentConversationDto {
  @ApiProperty({ type: [AssignmentViewDto], description: 'oldest first' }) assignments!: AssignmentViewDto[];
  @ApiProperty({ type: [RoutingDecisionViewDto], description: 'the decisions that chose an agent, oldest first' }) decisions!: RoutingDecisionViewDto[];
  @ApiProperty({
    type: WaitingDecisionViewDto,
    nullable: true,
    description: 'while queued after a decision that found no agent: that decision, saying why the conversation waits',
  })
  waiting!: WaitingDecisionViewDto | null;
  @ApiProperty({ type: [NoteViewDto], description: 'internal notes, oldest first; a transfer\'s note is one of them' }) notes!: NoteViewDto[];
  @ApiProperty({ type: [PreviousConversationDto], description: 'up to 10 earlier conversations of the same sender, newest first' })
  previousConversations!: PreviousConversationDto[];
}
