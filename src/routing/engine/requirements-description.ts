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
