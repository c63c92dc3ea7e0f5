import type { Schemas } from '../api/client';
import { t } from '../i18n';
import { formatSkills, parseSkills } from '../shared/skills';

/** Pure logic of the rule form: a rule to the form's fields and back, and the service's 400 messages beside the fields. */

export type Rule = Schemas['RoutingRuleViewDto'];
export type RuleBody = Schemas['SaveRoutingRuleDto'];

export const RULE_FIELDS = [
  'name', 'order', 'enabled', 'channels', 'languages', 'keywords', 'hasFlightNumber', 'surgeOnly',
  'requiredSkills', 'agentKinds', 'minLanguageLevel', 'priority', 'strategy', 'reassignAfterSeconds', 'escalation',
] as const;
export type RuleField = (typeof RULE_FIELDS)[number];
/** Errors that belong to no field of the form. */
export const GENERAL = 'general';
export type RuleErrors = Partial<Record<RuleField | typeof GENERAL, string[]>>;

export interface RuleForm {
  name: string;
  order: string;
  enabled: boolean;
  channels: string[];
  languages: string;
  keywords: string;
  hasFlightNumber: '' | 'yes' | 'no';
  surgeOnly: boolean;
  requiredSkills: string;
  agentKinds: string[];
  minLanguageLevel: string;
  priority: string;
  strategy: string;
  reassignAfterSeconds: string;
  escalation: string;
}

/** Where each field's value sits in the rule, as the service names it in its messages ("route.priority must …"). */
const FIELD_PATHS: Record<RuleField, string> = {
  name: 'name',
  order: 'order',
  enabled: 'enabled',
  channels: 'match.channels',
  languages: 'match.languages',
  keywords: 'match.keywordsAny',
  hasFlightNumber: 'match.hasFlightNumber',
  surgeOnly: 'match.surgeOnly',
  requiredSkills: 'route.requiredSkills',
  agentKinds: 'route.agentKinds',
  minLanguageLevel: 'route.minLanguageLevel',
  priority: 'route.priority',
  strategy: 'route.strategy',
  reassignAfterSeconds: 'route.reassignAfterSeconds',
  escalation: 'route.escalation',
};

export const CHANNELS = ['twitter', 'facebook', 'whatsapp', 'email', 'sms', 'web'] as const;
export type Channel = (typeof CHANNELS)[number];

const list = (text: string) => text.split(',').map((part) => part.trim()).filter(Boolean);
const numberOrText = (text: string): number | string => (text.trim() !== '' && Number.isFinite(Number(text)) ? Number(text) : text);

export function emptyRuleForm(order = 10): RuleForm {
  return {
    name: '', order: String(order), enabled: true, channels: [], languages: '', keywords: '', hasFlightNumber: '', surgeOnly: false,
    requiredSkills: '', agentKinds: [], minLanguageLevel: '', priority: '', strategy: '', reassignAfterSeconds: '', escalation: '',
  };
}

export function ruleToForm(rule: Rule): RuleForm {
  const { match, route } = rule;
  const optional = (value: number | undefined) => (value === undefined ? '' : String(value));
  return {
    name: rule.name,
    order: String(rule.order),
    enabled: rule.enabled,
    channels: match.channels ?? [],
    languages: (match.languages ?? []).join(', '),
    keywords: (match.keywordsAny ?? []).join(', '),
    hasFlightNumber: match.hasFlightNumber === undefined ? '' : match.hasFlightNumber ? 'yes' : 'no',
    surgeOnly: match.surgeOnly ?? false,
    requiredSkills: formatSkills(route.requiredSkills ?? []),
    agentKinds: route.agentKinds ?? [],
    minLanguageLevel: optional(route.minLanguageLevel),
    priority: optional(route.priority),
    strategy: route.strategy ?? '',
    reassignAfterSeconds: optional(route.reassignAfterSeconds),
    escalation: route.escalation?.length ? JSON.stringify(route.escalation, null, 2) : '',
  };
}

/**
 * The body to save, or the fields the form itself cannot read (skills, escalation JSON). Numbers are
 * sent as typed and checked by the service, whose messages then stand beside their fields.
 * What the form does not edit (an acknowledgement template) is kept from `original`.
 */
export function formToBody(form: RuleForm, original?: Rule): { body: RuleBody | null; errors: RuleErrors } {
  const errors: RuleErrors = {};
  const skills = parseSkills(form.requiredSkills);
  if (skills === null) errors.requiredSkills = [t.rules.errors.skills];
  let escalation: unknown = undefined;
  if (form.escalation.trim()) {
    try {
      escalation = JSON.parse(form.escalation);
    } catch {
      errors.escalation = [t.rules.errors.escalation];
    }
  }
  if (Object.keys(errors).length) return { body: null, errors };

  const match: Record<string, unknown> = {};
  if (form.channels.length) match.channels = form.channels;
  if (list(form.languages).length) match.languages = list(form.languages);
  if (list(form.keywords).length) match.keywordsAny = list(form.keywords);
  if (form.hasFlightNumber) match.hasFlightNumber = form.hasFlightNumber === 'yes';
  if (form.surgeOnly) match.surgeOnly = true;

  const route: Record<string, unknown> = {};
  if (skills?.length) route.requiredSkills = skills;
  if (form.agentKinds.length) route.agentKinds = form.agentKinds;
  for (const key of ['minLanguageLevel', 'priority', 'reassignAfterSeconds'] as const) if (form[key].trim()) route[key] = numberOrText(form[key]);
  if (form.strategy) route.strategy = form.strategy;
  if (escalation !== undefined) route.escalation = escalation;
  if (original?.route.acknowledgeTemplateId) route.acknowledgeTemplateId = original.route.acknowledgeTemplateId;

  const body = { name: form.name, order: numberOrText(form.order), enabled: form.enabled, match, route };
  return { body: body as unknown as RuleBody, errors };
}

/** The service's validation messages, each beside the field its path names; the rest in GENERAL. */
export function errorsByField(messages: readonly string[]): RuleErrors {
  const errors: RuleErrors = {};
  for (const message of messages) {
    const path = message.split(' ')[0];
    const field = RULE_FIELDS.find((candidate) => path === FIELD_PATHS[candidate] || path.startsWith(`${FIELD_PATHS[candidate]}.`)) ?? GENERAL;
    (errors[field] ??= []).push(message);
  }
  return errors;
}
