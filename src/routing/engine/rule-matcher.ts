import { MessageFacts, RoutingRule, RuleMatch, RuleRoute } from './engine.types';

/** Minutes of SLA assumed when a conversation belongs to no incident. */
export const DEFAULT_SLA_MINUTES = 60;

/**
 * The built-in rule used when no stored rule matches. Its order is the largest safe integer
 * rather than Infinity so it survives JSON (decisions store the rule they used).
 */
export const DEFAULT_RULE: RoutingRule = Object.freeze({
  id: null,
  name: 'default',
  order: Number.MAX_SAFE_INTEGER,
  enabled: true,
  match: {},
  route: {
    requiredSkills: [],
    agentKinds: ['staff', 'volunteer'],
    minLanguageLevel: 1,
    priority: 5,
    strategy: 'least_loaded',
  },
}) as RoutingRule;

/** The default route: after half the incident's SLA, English becomes acceptable too. */
export function defaultRouteFor(slaMinutes: number | null): RuleRoute {
  const sla = slaMinutes !== null && Number.isFinite(slaMinutes) && slaMinutes > 0 ? slaMinutes : DEFAULT_SLA_MINUTES;
  return {
    requiredSkills: [],
    agentKinds: ['staff', 'volunteer'],
    minLanguageLevel: 1,
    priority: 5,
    strategy: 'least_loaded',
    escalation: [{ afterSeconds: (sla * 60) / 2, fallbackLanguages: ['en'] }],
  };
}

/**
 * The first enabled rule (by `order`, then position) whose match holds, or null when the
 * default applies.
 */
export function matchRule(
  rules: RoutingRule[],
  facts: MessageFacts,
  context: { surgeActive: boolean },
): RoutingRule | null {
  const ordered = rules
    .map((rule, position) => ({ rule, position }))
    .sort((a, b) => a.rule.order - b.rule.order || a.position - b.position);
  const found = ordered.find(({ rule }) => rule.enabled && matchHolds(rule.match, facts, context));
  return found ? found.rule : null;
}

/** Every given condition must hold; an empty list counts as not given (it restricts nothing). */
export function matchHolds(match: RuleMatch, facts: MessageFacts, context: { surgeActive: boolean }): boolean {
  if (isGiven(match.channels) && !match.channels.includes(facts.channel)) return false;
  if (isGiven(match.languages) && !includesLanguage(match.languages, facts.language)) return false;
  if (isGiven(match.keywordsAny) && !match.keywordsAny.some((k) => containsWholeWord(facts.text, k))) return false;
  if (match.hasFlightNumber !== undefined && match.hasFlightNumber !== hasFlightNumber(facts)) return false;
  if (match.surgeOnly === true && !context.surgeActive) return false;
  return true;
}

function isGiven<T>(list: T[] | undefined): list is T[] {
  return Array.isArray(list) && list.length > 0;
}

function includesLanguage(languages: string[], language: string): boolean {
  const wanted = language.toLowerCase();
  return languages.some((l) => l.toLowerCase() === wanted);
}

function hasFlightNumber(facts: MessageFacts): boolean {
  return facts.flightNumber !== null && facts.flightNumber.trim() !== '';
}

// A word character is any letter, digit or combining mark in any script, so "Rollstuhl" does not
// match inside "Rollstuhlfahrer" and "café" does not match inside "cafés".
const WORD_CHAR = '[\\p{L}\\p{M}\\p{N}]';

/**
 * Case-insensitive whole-word search. Words of a multi-word keyword may be separated by any
 * run of whitespace in the text. A blank keyword matches nothing.
 */
export function containsWholeWord(text: string, keyword: string): boolean {
  const words = keyword.normalize('NFC').trim().split(/\s+/u).filter((w) => w !== '');
  if (words.length === 0) return false;
  const body = words.map(escapeRegExp).join('\\s+');
  const pattern = new RegExp(`(?<!${WORD_CHAR})${body}(?!${WORD_CHAR})`, 'iu');
  return pattern.test(text.normalize('NFC'));
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
