import { Strategy } from './engine/engine.types';

/** Where a conversation's requirements come from in a query: bind parameters or a row's columns. */
export interface RequirementSources {
  conversationId: string;
  /** text[]; NULL means any language */
  languages: string;
  minLanguageLevel: string;
  /** jsonb [{name, minLevel}] */
  requiredSkills: string;
  agentKinds: string;
}

/** The requirements stored on a row under `alias` (a conversation, or a set of requirements with no id). */
export function storedRequirementsOf(alias: string): RequirementSources {
  return {
    conversationId: `${alias}.id`,
    languages: `${alias}.req_languages`,
    minLanguageLevel: `${alias}.req_min_language_level`,
    requiredSkills: `${alias}.req_skills`,
    agentKinds: `${alias}.req_agent_kinds`,
  };
}

/** Serving an agent reads the requirements stored on each queued conversation `c`. */
export const STORED_REQUIREMENTS = storedRequirementsOf('c');

/**
 * Agent `a` fits the conversation (routing.md eligibility 3 to 5 and 7): kind, a language at the
 * level, every skill at its level, and not excluded from it (a transfer's exclusion for good, an
 * unresponsive agent's until it expires: the engine's exclusionHolds). The same predicate serves both
 * directions, so "who can take this conversation" and "what can this agent take" never disagree.
 * With AGENT_ON_DUTY it must accept exactly the agents the engine's evaluateEligibility accepts:
 * test/eligibility/candidate-query.e2e-spec.ts checks that over random rosters.
 */
export function agentFitsConversation(from: RequirementSources, options: { ignoreExclusions?: boolean } = {}): string {
  const exclusions = options.ignoreExclusions
    ? ''
    : `
  AND NOT EXISTS (
        SELECT 1 FROM conversation_exclusions x
         WHERE x.conversation_id = ${from.conversationId} AND x.agent_id = a.user_id
           AND (x.expires_at IS NULL OR x.expires_at > now()))`;
  return `
  a.kind = ANY(${from.agentKinds})
  AND (${from.languages} IS NULL OR EXISTS (
        SELECT 1 FROM agent_languages l
         WHERE l.agent_id = a.user_id AND l.code = ANY(${from.languages}) AND l.level >= ${from.minLanguageLevel}))
  AND NOT EXISTS (
        SELECT 1 FROM jsonb_to_recordset(${from.requiredSkills}) AS r(name text, "minLevel" int)
         WHERE NOT EXISTS (
           SELECT 1 FROM agent_skills s WHERE s.agent_id = a.user_id AND s.name = r.name AND s.level >= r."minLevel"))${exclusions}`;
}

/**
 * Agent `a` is inside one of its claimed shifts now. Signing in 15 minutes early is allowed, but
 * work comes only once the shift has started (the sign-in schedules serving the agent for then).
 */
export const AGENT_IN_CLAIMED_SHIFT = `
  EXISTS (SELECT 1 FROM shift_claims c WHERE c.agent_id = a.user_id AND c.starts_at <= now() AND c.ends_at > now())`;

export const AGENT_SURGE_ACTIVE = `
  EXISTS (SELECT 1 FROM incidents i WHERE i.id = a.incident_id AND i.surge_active)`;

/** routing.md eligibility 1 and 2: active, available, and a volunteer only in its surge and shift. */
export const AGENT_ON_DUTY = `
  u.status = 'active'
  AND a.presence = 'available'
  AND (a.kind = 'staff' OR (${AGENT_SURGE_ACTIVE} AND ${AGENT_IN_CLAIMED_SHIFT}))`;

/**
 * Work nobody can take (surge-desk.md): agent `a` (with its account `u`) is on the roster when it is
 * active and signed in, or holds a claimed shift starting within the next 2 hours (or running);
 * a volunteer only while its surge is active. Presence and load do not matter.
 */
export const AGENT_ON_ROSTER = `
  u.status = 'active'
  AND (a.presence <> 'offline' OR EXISTS (
        SELECT 1 FROM shift_claims c WHERE c.agent_id = a.user_id AND c.starts_at <= now() + interval '2 hours' AND c.ends_at > now()))
  AND (a.kind = 'staff' OR ${AGENT_SURGE_ACTIVE})`;

/**
 * ORDER BY per strategy; it matches the engine's ranking so the few rows read are the best ones.
 * least_loaded follows agents_least_loaded_idx. round_robin is read whole, as its turn wraps around.
 */
export const CANDIDATE_ORDER: Record<Strategy, string> = {
  least_loaded: `(a.open_count::real / a.max_concurrent), a.last_assigned_at NULLS FIRST, a.user_id`,
  longest_idle: `a.last_assigned_at NULLS FIRST, a.user_id`,
  round_robin: `a.user_id`,
};
