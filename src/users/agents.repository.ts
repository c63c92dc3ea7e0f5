import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AgentLanguage } from './agent-language.entity';
import { AgentSkill } from './agent-skill.entity';
import { Agent, AgentKind } from './agent.entity';

export interface NewAgentProfile {
  kind: AgentKind;
  incidentId: string | null;
  maxConcurrent: number;
  languages: { code: string; level: number }[];
  skills: { name: string; level: number }[];
}

@Injectable()
export class AgentsRepository {
  async insertProfile(manager: EntityManager, userId: string, profile: NewAgentProfile): Promise<void> {
    await manager.insert(Agent, {
      userId,
      kind: profile.kind,
      incidentId: profile.incidentId,
      maxConcurrent: profile.maxConcurrent,
      presence: 'offline',
    });
    await this.replaceLanguages(manager, userId, profile.languages);
    await this.replaceSkills(manager, userId, profile.skills);
  }

  async replaceLanguages(manager: EntityManager, agentId: string, languages: NewAgentProfile['languages']): Promise<void> {
    await manager.delete(AgentLanguage, { agentId });
    if (languages.length > 0) {
      await manager.insert(AgentLanguage, languages.map(({ code, level }) => ({ agentId, code, level })));
    }
  }

  async replaceSkills(manager: EntityManager, agentId: string, skills: NewAgentProfile['skills']): Promise<void> {
    await manager.delete(AgentSkill, { agentId });
    if (skills.length > 0) {
      await manager.insert(AgentSkill, skills.map(({ name, level }) => ({ agentId, name, level })));
    }
  }
}
