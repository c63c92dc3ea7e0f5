import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Agent } from './agent.entity';

@Entity('agent_languages')
export class AgentLanguage {
  @PrimaryColumn('uuid')
  agentId!: string;

  @PrimaryColumn('text')
  code!: string;

  @Column({ type: 'smallint' })
  level!: number;

  @ManyToOne(() => Agent, (agent) => agent.languages, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'agent_id' })
  agent?: Agent;
}
