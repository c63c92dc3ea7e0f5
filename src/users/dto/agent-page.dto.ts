import { ApiProperty } from '@nestjs/swagger';
import { AgentViewDto } from './agent-view.dto';

export class AgentPageDto {
  @ApiProperty({ type: [AgentViewDto] }) items!: AgentViewDto[];
  @ApiProperty({ type: String, nullable: true, description: 'pass as `cursor` for the next page; null on the last' })
  nextCursor!: string | null;
}
