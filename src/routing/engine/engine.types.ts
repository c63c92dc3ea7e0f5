/**
 * The pure routing engine's vocabulary. Nothing here knows about Nest, TypeORM or Bull;
 * time always comes in as an argument.
 */

export const CHANNELS = ['twitter', 'facebook', 'whatsapp', 'email', 'sms', 'web'] as const;
export type Channel = (typeof CHANNELS)[number];

export const STRATEGIES = ['least_loaded', 'round_robin', 'longest_idle'] as const;
export type Strategy = (typeof STRATEGIES)[number];

export type AgentKindName = 'staff' | 'volunteer';

export const UNDETERMINED_LANGUAGE = 'und';

export interface SkillRequirement {
  name: string;
  minLevel: number;
}

export interface RuleMatch {
  channels?: Channel[];
  languages?: string[];
  /** case-insensitive, whole words */
  keywordsAny?: string[];
  hasFlightNumber?: boolean;
  surgeOnly?: boolean;
}

export interface EscalationStep {
  afterSeconds: number;
  priority?: number;
  dropSkills?: boolean;
  fallbackLanguages?: string[];
}

export interface RuleRoute {
  requiredSkills?: SkillRequirement[];
  agentKinds?: AgentKindName[];
  minLanguageLevel?: number;
  priority?: number;
  strategy?: Strategy;
  reassignAfterSeconds?: number;
  escalation?: EscalationStep[];
  /** an approved answer sent to the passenger as soon as the conversation opens */
  acknowledgeTemplateId?: string;
}

export interface RoutingRule {
  /** null for the built-in default rule */
  id: string | null;
  name: string;
  order: number;
  enabled: boolean;
  match: RuleMatch;
  route: RuleRoute;
}

/** What rule matching looks at: the conversation's first message and the surge state. */
export interface MessageFacts {
  channel: Channel;
  language: string;
  text: string;
  flightNumber: string | null;
}

/** Requirements given when a conversation is transferred; they replace the rule's. */
export interface TransferRequirements {
  language?: string;
  requiredSkills?: SkillRequirement[];
}

/** A conversation as the engine sees it when working out its requirements. */
export interface ConversationFacts {
  language: string;
  receivedAt: Date;
  transfer: TransferRequirements | null;
}

/** The requirements in force at one escalation step. */
export interface Requirements {
  /** null: any language (the conversation's language is `und`) */
  languages: string[] | null;
  minLanguageLevel: number;
  requiredSkills: SkillRequirement[];
  agentKinds: AgentKindName[];
  priority: number;
  strategy: Strategy;
  /** how many escalation steps have been reached (0 = none) */
  escalationStep: number;
  /** seconds after receivedAt at which the next step is reached, null when none is left */
  nextStepAfterSeconds: number | null;
  reassignAfterSeconds: number | null;
}

/** An agent as eligibility and ranking see it. */
export interface AgentSnapshot {
  id: string;
  kind: AgentKindName;
  status: 'pending' | 'active' | 'suspended' | 'expired';
  presence: 'offline' | 'available' | 'away';
  /** false when the agent has no open sign-in; absent means presence alone tells (offline = signed out) */
  signedIn?: boolean;
  /** a volunteer's incident has an active surge */
  surgeActive: boolean;
  /** a volunteer is inside one of its claimed shifts now */
  inShift: boolean;
  languages: { code: string; level: number }[];
  skills: { name: string; level: number }[];
  load: number;
  maxConcurrent: number;
  lastAssignedAt: Date | null;
  /** transferred away from this agent, or taken back from it for not answering and not expired (exclusionHolds) */
  excluded: boolean;
}

export interface EligibilityVerdict {
  eligible: boolean;
  /** why not, or 'eligible' */
  reason: string;
}

/** A ranked candidate, as stored in a routing decision. */
export interface RankedCandidate {
  agentId: string;
  load: number;
  maxConcurrent: number;
  lastAssignedAt: string | null;
}

export interface RankingResult {
  ordered: RankedCandidate[];
  /** why the first one was chosen, in words a manager reads */
  reason: string;
}
