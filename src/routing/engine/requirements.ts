import {
  ConversationFacts,
  EscalationStep,
  Requirements,
  RoutingRule,
  RuleRoute,
  UNDETERMINED_LANGUAGE,
} from './engine.types';
import { defaultRouteFor } from './rule-matcher';

const ROUTE_DEFAULTS = {
  agentKinds: ['staff', 'volunteer'],
  minLanguageLevel: 1,
  priority: 5,
  strategy: 'least_loaded',
} as const;

/**
 * The requirements in force for a conversation at `now`: the rule's route (or the transfer's
 * language and skills) with every escalation step reached by then applied in time order.
 */
export function requirementsAt(
  rule: RoutingRule,
  conversation: ConversationFacts,
  now: Date,
  options: { slaMinutes?: number | null } = {},
): Requirements {
  const route = effectiveRoute(rule, options.slaMinutes ?? null);
  const transfer = conversation.transfer;
  const language = transfer?.language ?? conversation.language;
  const base: Requirements = {
    languages: language.toLowerCase() === UNDETERMINED_LANGUAGE ? null : [language],
    minLanguageLevel: route.minLanguageLevel ?? ROUTE_DEFAULTS.minLanguageLevel,
    requiredSkills: [...(transfer?.requiredSkills ?? route.requiredSkills ?? [])],
    agentKinds: [...(route.agentKinds ?? ROUTE_DEFAULTS.agentKinds)],
    priority: route.priority ?? ROUTE_DEFAULTS.priority,
    strategy: route.strategy ?? ROUTE_DEFAULTS.strategy,
    escalationStep: 0,
    nextStepAfterSeconds: null,
    reassignAfterSeconds: route.reassignAfterSeconds ?? null,
  };
  return applyEscalation(base, sortedSteps(route.escalation), elapsedSeconds(conversation.receivedAt, now));
}

/** The default rule's escalation depends on the incident's SLA, so it is built per conversation. */
function effectiveRoute(rule: RoutingRule, slaMinutes: number | null): RuleRoute {
  if (rule.id !== null) return rule.route;
  return { ...rule.route, escalation: defaultRouteFor(slaMinutes).escalation };
}

export function sortedSteps(steps: EscalationStep[] | undefined): EscalationStep[] {
  return [...(steps ?? [])].sort((a, b) => a.afterSeconds - b.afterSeconds);
}

function elapsedSeconds(receivedAt: Date, now: Date): number {
  return (now.getTime() - receivedAt.getTime()) / 1000;
}

function applyEscalation(base: Requirements, steps: EscalationStep[], elapsed: number): Requirements {
  const reached = steps.filter((step) => step.afterSeconds <= elapsed);
  const next = steps.find((step) => step.afterSeconds > elapsed);
  const result: Requirements = {
    ...base,
    escalationStep: reached.length,
    nextStepAfterSeconds: next ? next.afterSeconds : null,
  };
  for (const step of reached) {
    if (step.priority !== undefined) result.priority = step.priority;
    if (step.dropSkills) result.requiredSkills = [];
    if (step.fallbackLanguages && result.languages !== null) {
      result.languages = appendUnique(result.languages, step.fallbackLanguages);
    }
  }
  return result;
}

function appendUnique(languages: string[], more: string[]): string[] {
  const seen = new Set(languages.map((l) => l.toLowerCase()));
  const out = [...languages];
  for (const language of more) {
    if (seen.has(language.toLowerCase())) continue;
    seen.add(language.toLowerCase());
    out.push(language);
  }
  return out;
}
