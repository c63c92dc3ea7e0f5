import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CommitEffects } from '../database/commit-effects';
import { RoutingTransactionRunner } from '../database/routing-data-source';
import { EventsService } from '../events/events.service';
import { RoutingMetrics } from '../metrics/routing-metrics';
import { AssignmentRepository, LockedConversation, PlannedAssignment, QueuedConversation, turnKey } from './assignment.repository';
import { CandidatePoolsRepository, PoolRequest } from './candidate-pools.repository';
import {
  ClaimRequest,
  DEFAULT_RULE,
  matchRule,
  nextEscalationAt,
  PlannedClaim,
  planClaims,
  poolReadLimit,
  RankedCandidate,
  reassignAt,
  Requirements,
  requirementsAt,
  RoutingRule,
} from './engine';
import { RoutingDemand } from './pump/routing-demand';
import { RoutingScheduler } from './routing-scheduler';
import { WaitingDecision, WaitingDecisionsRepository } from './waiting-decisions.repository';
import { RoutingRulesService, Ruleset } from './rules/routing-rules.service';

export type RoutingOutcome =
  | { kind: 'assigned'; agentId: string; assignmentId: string; reclaimAt: Date | null }
  | { kind: 'waiting'; nextEscalationAt: Date | null }
  | { kind: 'skipped' };

type ClaimResult = RoutingOutcome | { kind: 'lost_race' };

/**
 * What a pump turn left: conversations whose chosen agents were taken meanwhile, named conversations
 * still queued that another transaction held locked (a reply, a flag), and whether the queue may hold more.
 */
export interface PumpBatch {
  lostRaces: string[];
  lockedElsewhere: string[];
  queueMayHoldMore: boolean;
}

/** What a decision reads besides the conversation: the ruleset and the surge state. */
interface DecisionContext {
  ruleset: Ruleset;
  surgeActive: boolean;
}

/** A conversation with the rule it falls under and the requirements that rule sets for it now. */
interface Decision {
  conversation: LockedConversation;
  rule: RoutingRule;
  version: number;
  requirements: Requirements;
}

/** A lost lock race means another decision took the agent: decide again, a bounded number of times. */
const CLAIM_ATTEMPTS = 5;

@Injectable()
export class RoutingService {
  constructor(
    private readonly transactions: RoutingTransactionRunner,
    private readonly assignments: AssignmentRepository,
    private readonly waitingDecisions: WaitingDecisionsRepository,
    private readonly candidatePools: CandidatePoolsRepository,
    private readonly rules: RoutingRulesService,
    private readonly scheduler: RoutingScheduler,
    private readonly demand: RoutingDemand,
    private readonly events: EventsService,
    private readonly metrics: RoutingMetrics,
  ) {}

  /** Routes one queued conversation; see routeConversations. */
  async routeConversation(conversationId: string): Promise<RoutingOutcome> {
    return (await this.routeConversations([conversationId])).get(conversationId)!;
  }

  /**
   * Routes queued conversations in one transaction, highest priority first, then oldest: the engine
   * proposes, Postgres decides. One that is not queued, or whose row another worker holds (that
   * worker decides it), is skipped. Deciding several together shares one lock statement and one
   * commit between them.
   */
  async routeConversations(conversationIds: string[]): Promise<Map<string, RoutingOutcome>> {
    const outcomes = new Map<string, RoutingOutcome>();
    let undecided = conversationIds;
    for (let attempt = 1; attempt <= CLAIM_ATTEMPTS && undecided.length > 0; attempt++) {
      const results = await this.transactions.run(async (manager, effects) =>
        this.decideEach(manager, effects, await this.assignments.lockQueuedConversations(manager, undecided)),
      );
      undecided = [];
      for (const [conversationId, result] of results) {
        if (result.kind === 'lost_race') undecided.push(conversationId);
        else outcomes.set(conversationId, result);
      }
    }
    // Every candidate was taken under us; the pump tries again rather than spin here.
    this.demand.decide(undecided);
    for (const conversationId of conversationIds) if (!outcomes.has(conversationId)) outcomes.set(conversationId, { kind: 'skipped' });
    return outcomes;
  }

  /**
   * A turn of the routing pump: in one transaction, the named conversations and up to `scanLimit` of
   * the oldest undecided ones of the queue that no other process is deciding.
   */
  async routeBatch(named: string[], scanLimit: number): Promise<PumpBatch> {
    const { results, scanned, lockedElsewhere } = await this.transactions.run(async (manager, effects) => {
      const conversations = await this.assignments.lockQueuedConversations(manager, named);
      const locked = new Set(conversations.map((conversation) => conversation.id));
      // SKIP LOCKED passed over them: whoever holds them does not decide them, so they are asked for again.
      const skipped = named.filter((id) => !locked.has(id));
      const lockedElsewhere = skipped.length > 0 ? await this.assignments.stillQueued(manager, skipped) : [];
      const scanned = scanLimit > 0 ? await this.assignments.lockUndecidedConversations(manager, scanLimit) : [];
      // Locks of one's own transaction are not skipped: a named conversation may come back from the scan.
      conversations.push(...scanned.filter((conversation) => !locked.has(conversation.id)));
      return { results: await this.decideEach(manager, effects, conversations), scanned: scanned.length, lockedElsewhere };
    });
    const lostRaces = [...results].filter(([, result]) => result.kind === 'lost_race').map(([conversationId]) => conversationId);
    return { lostRaces, lockedElsewhere, queueMayHoldMore: scanLimit > 0 && scanned >= scanLimit };
  }

  /**
   * Decides locked conversations in one go: the engine works out each one's requirements, the
   * candidates of all of them are read in one statement, the claim plan ranks them in turn as if
   * each claim had committed before the next decision, and one statement writes the assignments.
   */
  private async decideEach(manager: EntityManager, effects: CommitEffects, conversations: LockedConversation[]): Promise<Map<string, ClaimResult>> {
    const results = new Map<string, ClaimResult>();
    if (conversations.length === 0) return results;
    const now = new Date();
    const decisions: Decision[] = [];
    for (const conversation of conversations) decisions.push(await this.decisionFor(manager, conversation, now));
    const turns = await this.lockTurns(manager, decisions);
    const { requests, agents } = await this.claimRequests(manager, decisions);
    const plan = planClaims(requests, agents, turns, now);

    const planned = new Map<string, PlannedAssignment>();
    const waiting: Decision[] = [];
    plan.forEach((claim, index) => {
      if (claim.kind === 'assign') planned.set(decisions[index].conversation.id, plannedAssignment(decisions[index], claim, now));
      if (claim.kind === 'waiting') waiting.push(decisions[index]);
    });
    for (const [conversationId, outcome] of await this.markWaiting(manager, effects, waiting)) results.set(conversationId, outcome);
    // The claim comes last: the agents it locks are held only until the commit, not while resolves wait on them.
    const claimed = new Map((await this.assignments.claimAgents(manager, [...planned.values()])).map((assignment) => [assignment.conversationId, assignment]));

    const lastClaimedInTurn = new Map<string | null, string>();
    for (const [index, claim] of plan.entries()) {
      const { conversation, rule, requirements } = decisions[index];
      if (claim.kind === 'waiting') continue;
      const assignment = claim.kind === 'assign' ? claimed.get(conversation.id) : undefined;
      if (claim.kind === 'again' || !assignment) {
        results.set(conversation.id, { kind: 'lost_race' });
        continue;
      }
      if (requirements.strategy === 'round_robin') lastClaimedInTurn.set(rule.id, claim.chosen.agentId);
      await this.events.announce(assignment.event, manager);
      this.metrics.observeAssignment(rule.name, conversation.receivedAt, now);
      const { reclaimAt } = planned.get(conversation.id)!;
      // Timers go to Redis after the commit; their due times are in Postgres for the reconciler.
      if (reclaimAt) effects.add('schedule take-back', () => this.scheduler.scheduleReclaim(conversation.id, assignment.assignmentId, reclaimAt));
      results.set(conversation.id, { kind: 'assigned', agentId: claim.chosen.agentId, assignmentId: assignment.assignmentId, reclaimAt });
    }
    for (const [ruleId, agentId] of lastClaimedInTurn) await this.assignments.saveTurn(manager, ruleId, agentId);
    return results;
  }

  private async decisionFor(manager: EntityManager, conversation: LockedConversation, now: Date): Promise<Decision> {
    const ruleset = await this.rules.rulesetAt(conversation.rulesetVersion, manager);
    const { rule, version } = ruleFor(conversation, { ruleset, surgeActive: conversation.surgeActive });
    const requirements = requirementsAt(
      rule,
      { language: conversation.language, receivedAt: conversation.receivedAt, transfer: conversation.transferRequirements },
      now,
      { slaMinutes: conversation.slaMinutes },
    );
    return { conversation, rule, version, requirements };
  }

  /** Locks the round-robin turn of each rule that takes turns, in one order so two batches never deadlock. */
  private async lockTurns(manager: EntityManager, decisions: Decision[]): Promise<Map<string, string | null>> {
    const ruleIds = new Map<string, string | null>();
    for (const { rule, requirements } of decisions) if (requirements.strategy === 'round_robin') ruleIds.set(turnKey(rule.id), rule.id);
    const turns = new Map<string, string | null>();
    for (const key of [...ruleIds.keys()].sort()) turns.set(key, await this.assignments.lockTurn(manager, ruleIds.get(key)!));
    return turns;
  }

  /** One candidate pool per distinct set of requirements, read big enough for every conversation that shares it. */
  private async claimRequests(
    manager: EntityManager,
    decisions: Decision[],
  ): Promise<{ requests: ClaimRequest[]; agents: Map<string, RankedCandidate> }> {
    const poolIndex = new Map<string, number>();
    const poolRequests: (PoolRequest & { conversations: number; exclusions: number })[] = [];
    const poolOf = decisions.map(({ conversation, requirements }) => {
      const { languages, minLanguageLevel, requiredSkills, agentKinds, strategy } = requirements;
      const key = JSON.stringify([languages, minLanguageLevel, requiredSkills, agentKinds, strategy]);
      let index = poolIndex.get(key);
      if (index === undefined) {
        index = poolRequests.push({ requirements: { languages, minLanguageLevel, requiredSkills, agentKinds, strategy }, limit: null, conversations: 0, exclusions: 0 }) - 1;
        poolIndex.set(key, index);
      }
      const request = poolRequests[index];
      request.conversations += 1;
      request.exclusions += conversation.excludedAgentIds.length;
      // Round robin's turn may wrap around the whole roster; the others need the head of their order.
      request.limit = strategy === 'round_robin' ? null : poolReadLimit(request.conversations, request.exclusions);
      return index;
    });
    const { pools, agents } = await this.candidatePools.readPools(manager, poolRequests);
    const requests = decisions.map(({ conversation, rule, requirements }, index) => ({
      conversationId: conversation.id,
      strategy: requirements.strategy,
      pool: pools[poolOf[index]],
      excludedAgentIds: conversation.excludedAgentIds,
      turnKey: requirements.strategy === 'round_robin' ? turnKey(rule.id) : null,
    }));
    return { requests, agents };
  }

  /** Marks the decisions that found no agent with room as waiting and schedules their escalations. */
  private async markWaiting(manager: EntityManager, effects: CommitEffects, waiting: Decision[]): Promise<Map<string, ClaimResult>> {
    const outcomes = new Map<string, ClaimResult>();
    const decisions: WaitingDecision[] = [];
    for (const { conversation, rule, version, requirements } of waiting) {
      const escalationAt = nextEscalationAt(requirements, conversation.receivedAt);
      decisions.push({
        conversationId: conversation.id,
        excludedAgentIds: conversation.excludedAgentIds,
        rule: { id: rule.id, name: rule.name, version },
        requirements,
        nextEscalationAt: escalationAt,
      });
      if (escalationAt) effects.add('schedule escalation', () => this.scheduler.scheduleEscalation(conversation.id, escalationAt));
      outcomes.set(conversation.id, { kind: 'waiting', nextEscalationAt: escalationAt });
    }
    await this.waitingDecisions.markWaiting(manager, decisions);
    return outcomes;
  }
}

/** What the decision of a planned assignment records. */
function plannedAssignment(
  { conversation, rule, version, requirements }: Decision,
  claim: Extract<PlannedClaim, { kind: 'assign' }>,
  now: Date,
): PlannedAssignment {
  const agentId = claim.chosen.agentId;
  return {
    conversationId: conversation.id,
    ruleId: rule.id,
    ruleName: rule.name,
    ruleVersion: version,
    requirements,
    candidates: claim.candidates,
    chosenAgentId: agentId,
    loadAsRead: claim.loadAsRead,
    reason: claim.reason,
    reclaimAt: reassignAt(requirements, now),
    eventPayload: { agentId, ruleId: rule.id, ruleVersion: version, step: requirements.escalationStep },
  };
}

function ruleFor(
  conversation: QueuedConversation,
  { ruleset, surgeActive }: DecisionContext,
): { rule: RoutingRule; version: number } {
  // A transferred conversation keeps its rule and only takes the transfer's requirements.
  if (conversation.transferRequirements) {
    const kept = ruleset.rules.find((rule) => rule.id === conversation.ruleId);
    return { rule: kept ?? DEFAULT_RULE, version: ruleset.version };
  }
  const matched = matchRule(ruleset.rules, conversation, { surgeActive });
  return { rule: matched ?? DEFAULT_RULE, version: ruleset.version };
}
