import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CommitEffects } from '../database/commit-effects';
import { RoutingTransactionRunner } from '../database/routing-data-source';
import { EventsService } from '../events/events.service';
import { RoutingMetrics } from '../metrics/routing-metrics';
import { AssignmentRepository, LockedConversation, QueuedConversation } from './assignment.repository';
import { DEFAULT_RULE, equallyRanked, matchRule, nextEscalationAt, rankCandidates, reassignAt, requirementsAt, RoutingRule } from './engine';
import { RoutingDemand } from './pump/routing-demand';
import { RoutingScheduler } from './routing-scheduler';
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

/** A lost lock race means another decision took the agent: decide again, a bounded number of times. */
const CLAIM_ATTEMPTS = 5;

@Injectable()
export class RoutingService {
  constructor(
    private readonly transactions: RoutingTransactionRunner,
    private readonly assignments: AssignmentRepository,
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

  private async decideEach(manager: EntityManager, effects: CommitEffects, conversations: LockedConversation[]): Promise<Map<string, ClaimResult>> {
    const results = new Map<string, ClaimResult>();
    const now = new Date();
    for (const conversation of conversations) results.set(conversation.id, await this.claim(manager, effects, conversation, now));
    return results;
  }

  private async claim(manager: EntityManager, effects: CommitEffects, conversation: LockedConversation, now: Date): Promise<ClaimResult> {
    const conversationId = conversation.id;
    const ruleset = await this.rules.rulesetAt(conversation.rulesetVersion, manager);

    const { rule, version } = ruleFor(conversation, { ruleset, surgeActive: conversation.surgeActive });
    const requirements = requirementsAt(
      rule,
      { language: conversation.language, receivedAt: conversation.receivedAt, transfer: conversation.transferRequirements },
      now,
      { slaMinutes: conversation.slaMinutes },
    );

    const lastAgentId = requirements.strategy === 'round_robin' ? await this.assignments.lockTurn(manager, rule.id) : null;
    const candidates = await this.assignments.findCandidates(manager, conversationId, requirements, lastAgentId);
    const ranking = rankCandidates(requirements.strategy, candidates, { lastAgentId });
    const [best] = ranking.ordered;
    for (const [index, candidate] of ranking.ordered.entries()) {
      // Candidates were read without locks. Only one we can lock with room left, whose load is still
      // the one it was ranked by, may be chosen; and only as good as the best, or the ranking is stale.
      if (!equallyRanked(requirements.strategy, best, candidate)) break;
      const reclaimAt = reassignAt(requirements, now);
      const claimed = await this.assignments.claimAgent(
        manager,
        {
          conversationId,
          ruleId: rule.id,
          ruleName: rule.name,
          ruleVersion: version,
          requirements,
          candidates: ranking.ordered,
          chosenAgentId: candidate.agentId,
          reason: index === 0 ? ranking.reason : `${ranking.reason}; ${index} equally ranked candidate(s) were taken meanwhile`,
          reclaimAt,
          eventPayload: { agentId: candidate.agentId, ruleId: rule.id, ruleVersion: version, step: requirements.escalationStep },
        },
        candidate.load,
      );
      if (!claimed) continue;
      if (requirements.strategy === 'round_robin') await this.assignments.saveTurn(manager, rule.id, candidate.agentId);
      await this.events.announce(claimed.event, manager);
      this.metrics.observeAssignment(rule.name, conversation.receivedAt, now);
      // Timers go to Redis after the commit; their due times are in Postgres for the reconciler.
      if (reclaimAt) effects.add('schedule take-back', () => this.scheduler.scheduleReclaim(conversationId, claimed.assignmentId, reclaimAt));
      return { kind: 'assigned', agentId: candidate.agentId, assignmentId: claimed.assignmentId, reclaimAt };
    }
    if (candidates.length > 0) return { kind: 'lost_race' };
    const escalationAt = nextEscalationAt(requirements, conversation.receivedAt);
    await this.assignments.markWaiting(manager, conversationId, { id: rule.id, name: rule.name, version }, requirements, escalationAt);
    if (escalationAt) effects.add('schedule escalation', () => this.scheduler.scheduleEscalation(conversationId, escalationAt));
    return { kind: 'waiting', nextEscalationAt: escalationAt };
  }
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
