import { ApiProperty } from '@nestjs/swagger';
import { Presence, PRESENCES } from '../../users/agent.entity';
import { PERCENTILE_DEFINITION } from './live-stats.dto';

export class AgentStatsDto {
  @ApiProperty({ format: 'uuid' }) agentId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'open conversations now' }) load!: number;
  @ApiProperty() maxConcurrent!: number;
  @ApiProperty({ enum: PRESENCES }) presence!: Presence;
  @ApiProperty({ description: 'assignments of this agent that ended with the conversation resolved' }) handled!: number;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: `over the conversations whose first reply this agent sent; median is the ${PERCENTILE_DEFINITION}`,
  })
  medianFirstResponseSeconds!: number | null;
}

export class AgentStatsPageDto {
  @ApiProperty({ type: [AgentStatsDto] }) items!: AgentStatsDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}
