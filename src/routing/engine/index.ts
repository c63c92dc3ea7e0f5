export * from './engine.types';
export { DEFAULT_RULE, DEFAULT_SLA_MINUTES, defaultRouteFor, matchRule, matchHolds, containsWholeWord } from './rule-matcher';
export { requirementsAt } from './requirements';
export { ConversationExclusion, evaluateEligibility, exclusionHolds } from './eligibility';
export { rankCandidates, toRankedCandidate } from './ranking';
export { CandidatePool, ClaimRequest, PlannedClaim, planClaims, poolReadLimit, RECORDED_CANDIDATES } from './claim-plan';
export { nextEscalationAt, reassignAt } from './escalation';
