import { AgentSnapshot, EligibilityVerdict, Requirements } from './engine.types';

type Check = (agent: AgentSnapshot, requirements: Requirements) => string | null;

/**
 * routing.md's eligibility conditions, in order; each returns why it fails or null. The claim's SQL
 * (candidate-query.ts) decides the same: test/eligibility/candidate-query.e2e-spec.ts checks both agree.
 */
const CHECKS: Check[] = [
  (agent) => (agent.status === 'active' ? null : `account ${agent.status}`),
  // offline is the presence of a signed-out agent, so it reads as "not signed in"
  (agent) => (agent.presence === 'offline' ? 'not signed in' : null),
  (agent) => (agent.presence === 'available' ? null : `presence ${agent.presence}`),
  (agent) => (agent.signedIn === false ? 'not signed in' : null),
  (agent) => (agent.kind === 'volunteer' && !agent.surgeActive ? 'surge not active' : null),
  (agent) => (agent.kind === 'volunteer' && !agent.inShift ? 'outside claimed shift' : null),
  checkLanguage,
  checkSkills,
  (agent, req) => (req.agentKinds.includes(agent.kind) ? null : `kind ${agent.kind} not allowed`),
  (agent) => (agent.load < agent.maxConcurrent ? null : `at capacity (${agent.load}/${agent.maxConcurrent})`),
  (agent) => (agent.excluded ? 'transferred away or unresponsive before' : null),
];

/** A stored exclusion of an agent from a conversation: for good (a transfer) or until a time (not answering). */
export interface ConversationExclusion {
  /** null: for good */
  expiresAt: Date | null;
}

/**
 * Whether an exclusion still keeps the agent away at `now`: AgentSnapshot.excluded is this over the
 * agent's exclusions from the conversation. An unresponsive agent's exclusion is deleted when it
 * signs in again, so only its expiry is judged here. The candidate query's SQL says the same
 * (candidate-query.ts); test/eligibility/candidate-query.e2e-spec.ts checks they agree.
 */
export function exclusionHolds(exclusion: ConversationExclusion, now: Date): boolean {
  return exclusion.expiresAt === null || exclusion.expiresAt.getTime() > now.getTime();
}

export function evaluateEligibility(agent: AgentSnapshot, requirements: Requirements): EligibilityVerdict {
  for (const check of CHECKS) {
    const reason = check(agent, requirements);
    if (reason !== null) return { eligible: false, reason };
  }
  return { eligible: true, reason: 'eligible' };
}

function checkLanguage(agent: AgentSnapshot, req: Requirements): string | null {
  if (req.languages === null) return null;
  const wanted = new Set(req.languages.map((l) => l.toLowerCase()));
  const speaks = agent.languages.some((l) => wanted.has(l.code.toLowerCase()) && l.level >= req.minLanguageLevel);
  return speaks ? null : `does not speak ${req.languages.join(' or ')} at level ${req.minLanguageLevel}`;
}

function checkSkills(agent: AgentSnapshot, req: Requirements): string | null {
  const missing = req.requiredSkills.find(
    (needed) => !agent.skills.some((s) => s.name === needed.name && s.level >= needed.minLevel),
  );
  return missing ? `lacks skill ${missing.name} at level ${missing.minLevel}` : null;
}
