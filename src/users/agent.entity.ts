import { Column, Entity, JoinColumn, OneToMany, OneToOne, PrimaryColumn } from 'typeorm';
import { AgentLanguage } from './agent-language.entity';
import { AgentSkill } from './agent-skill.entity';
import { User } from './user.entity';

export const AGENT_KINDS = ['staff', 'volunteer'] as const;
export type AgentKind = (typeof AGENT_KINDS)[number];

export const PRESENCES = ['offline', 'available', 'away'] as const;
export type Presence = (typeof PRESENCES)[number];

export const DEFAULT_MAX_CONCURRENT = 3;

@Entity('agents')
export class Agent {
  @PrimaryColumn('uuid')
  userId!: string;

  @OneToOne(() => User, (user) => user.agent)
  @JoinColumn({ name: 'user_id' })
  user!: User;

  @Column({ type: 'text' })
  kind!: AgentKind;

  @Column({ type: 'uuid', nullable: true })
  incidentId!: string | null;

  @Column({ type: 'smallint' })
  maxConcurrent!: number;

  /** Kept by the assignments trigger; never written by application code. */
  @Column({ type: 'smallint', insert: false, update: false })
  openCount!: number;

  @Column({ type: 'text' })
  presence!: Presence;

  @Column({ type: 'timestamptz', nullable: true })
  signedInAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  lastAssignedAt!: Date | null;

  @OneToMany(() => AgentLanguage, (language) => language.agent, { cascade: true })
  languages!: AgentLanguage[];

  @OneToMany(() => AgentSkill, (skill) => skill.agent, { cascade: true })
  skills!: AgentSkill[];
}
