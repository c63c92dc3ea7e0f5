import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Agent } from './agent.entity';

@Entity('agent_skills')
export class AgentSkill {
  @PrimaryColumn('uuid')
  agentId!: string;

  @PrimaryColumn('text')
  name!: string;

  @Column({ type: 'smallint' })
  level!: number;

  @ManyToOne(() => Agent, (agent) => agent.skills, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'agent_id' })
  agent?: Agent;
}
