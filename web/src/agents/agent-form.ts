import type { Schemas } from '../api/client';
import { t } from '../i18n';
import type { FieldErrors } from '../shared/field-errors';
import { ISO_639_1_CODES } from '../shared/languages';
import { formatSkills, parseSkills } from '../shared/skills';

/** Pure logic of an agent's profile form: languages, skills and capacity as typed, to PATCH /agents/:id and back. */

export type Agent = Schemas['AgentViewDto'];
export type AgentBody = Schemas['UpdateAgentDto'];
export const AGENT_FIELDS = { languages: 'languages', skills: 'skills', maxConcurrent: 'maxConcurrent' } as const;
export type AgentField = keyof typeof AGENT_FIELDS;
export type AgentErrors = FieldErrors<AgentField>;

export interface AgentForm {
  languages: string;
  skills: string;
  maxConcurrent: string;
}

const CODES = new Set<string>(ISO_639_1_CODES);

/** "nl:5, en:4" → [{code:'nl', level:5}, {code:'en', level:4}]; a code alone is level 3; null when malformed. */
export function parseLanguageLevels(text: string): { code: string; level: number }[] | null {
  const parts = text.split(',').map((part) => part.trim()).filter(Boolean);
  const languages = parts.map((part) => {
    const [code, level = '3'] = part.split(':').map((piece) => piece.trim());
    const number = Number(level);
    return CODES.has(code.toLowerCase()) && Number.isInteger(number) && number >= 1 && number <= 5 ? { code: code.toLowerCase(), level: number } : null;
  });
  return languages.every((language) => language !== null) ? (languages as { code: string; level: number }[]) : null;
}

export const formatLanguageLevels = (languages: readonly { code: string; level: number }[]) => languages.map((l) => `${l.code}:${l.level}`).join(', ');

export function agentToForm(agent: Pick<Agent, 'languages' | 'skills' | 'maxConcurrent'>): AgentForm {
  return {
    languages: formatLanguageLevels(agent.languages),
    skills: formatSkills(agent.skills.map((skill) => ({ name: skill.name, minLevel: skill.level }))),
    maxConcurrent: String(agent.maxConcurrent),
  };
}

/** The PATCH body, or the errors the form sees itself; a capacity is sent as typed when it is a number (the service checks its range). */
export function readAgentForm(form: AgentForm): { body: AgentBody | null; errors: AgentErrors } {
  const errors: AgentErrors = {};
  const languages = parseLanguageLevels(form.languages);
  if (languages === null) errors.languages = [t.agents.errors.languages];
  const skills = parseSkills(form.skills);
  if (skills === null) errors.skills = [t.agents.errors.skills];
  const maxConcurrent = Number(form.maxConcurrent);
  if (!form.maxConcurrent.trim() || !Number.isInteger(maxConcurrent)) errors.maxConcurrent = [t.agents.errors.maxConcurrent];
  if (Object.keys(errors).length) return { body: null, errors };
  return { body: { languages: languages!, skills: skills!.map((skill) => ({ name: skill.name, level: skill.minLevel })), maxConcurrent }, errors };
}
