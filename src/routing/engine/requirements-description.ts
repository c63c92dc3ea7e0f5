import { Requirements } from './engine.types';

/** The requirements in words, for the record of why a conversation waits: who could take it. */
export function describeRequirements(requirements: Requirements): string {
  const kinds = requirements.agentKinds.join(' or ');
  const languages = requirements.languages === null ? 'any language' : requirements.languages.join(' or ');
  const skills = requirements.requiredSkills.map((skill) => `${skill.name} ≥ ${skill.minLevel}`);
  return `needs a ${kinds} agent speaking ${languages} at level ≥ ${requirements.minLanguageLevel}${
    skills.length > 0 ? ` with ${skills.join(', ')}` : ''
  }`;
}

/** The agents on the roster who fit a waiting conversation, whatever their load; those on duty among them. */
export interface FittingAgents {
  onDuty: number;
  onRoster: number;
}

/** Why a conversation waits, as its waiting decision records it: who fits and what it needs. */
export function waitingReason(fitting: FittingAgents, requirements: Requirements): string {
  const who =
    fitting.onDuty > 0
      ? `${fitting.onDuty} agent(s) on duty fit, none with room`
      : fitting.onRoster > 0
        ? `${fitting.onRoster} agent(s) on the roster fit, none on duty (signed in, available, in a shift)`
        : 'no agent on the roster fits';
  return `waiting: ${who}; ${describeRequirements(requirements)}`;
}
