import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { TransactionRunner } from '../database/transaction-runner';
import { EventsService } from '../events/events.service';
import { RoutingMetrics } from '../metrics/routing-metrics';
import { AssignmentRepository, LockedConversation, QueuedConversation } from './assignment.repository';
import { DEFAULT_RULE, equallyRanked, matchRule, nextEscalationAt, rankCandidates, reassignAt, requirementsAt, RoutingRule } from './engine';
import { RoutingScheduler } from './routing-scheduler';
import { RoutingRulesService, Ruleset } from './rules/routing-rules.service';

export type RoutingOutcome =
  | { kind: 'assigned'; agentId: string; assignmentId: string; reclaimAt: Date | null }
  | { kind: 'waiting'; nextEscalationAt: Date | null }
  | { kind: 'skipped' };

type ClaimResult = RoutingOutcome | { kind: 'lost_race' };

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
    private readonly transactions: TransactionRunner,
    private readonly assignments: AssignmentRepository,
    private readonly rules: RoutingRulesService,
    private readonly scheduler: RoutingScheduler,
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
      const results = await this.transactions.run((manager) => this.decideAll(manager, undecided, new Date()));
      undecided = [];
      for (const [conversationId, result] of results) {
        if (result.kind === 'lost_race') undecided.push(conversationId);
        else outcomes.set(conversationId, result);
      }
    }
    // Every candidate was taken under us; try again from the queue rather than spin here.
    if (undecided.length > 0) await this.scheduler.routeConversations(undecided);
    for (const conversationId of conversationIds) {
      const outcome = outcomes.get(conversationId);
      if (outcome) await this.scheduleTimers(conversationId, outcome);
      else outcomes.set(conversationId, { kind: 'skipped' });
    }
    return outcomes;
  }

  private async decideAll(manager: EntityManager, conversationIds: string[], now: Date): Promise<Map<string, ClaimResult>> {
    const results = new Map<string, ClaimResult>();
    for (const conversation of await this.assignments.lockQueuedConversations(manager, conversationIds)) {
      results.set(conversation.id, await this.claim(manager, conversation, now));
    }
    return results;
  }

  private async claim(manager: EntityManager, conversation: LockedConversation, now: Date): Promise<ClaimResult> {
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
      return { kind: 'assigned', agentId: candidate.agentId, assignmentId: claimed.assignmentId, reclaimAt };
    }
    if (candidates.length > 0) return { kind: 'lost_race' };
    const escalationAt = nextEscalationAt(requirements, conversation.receivedAt);
    await this.assignments.markWaiting(manager, conversationId, { id: rule.id, version }, requirements, escalationAt);
    return { kind: 'waiting', nextEscalationAt: escalationAt };
  }

  /** Timers go to Redis only after the commit; their due times are in Postgres for the reconciler. */
  private async scheduleTimers(conversationId: string, outcome: RoutingOutcome): Promise<void> {
    if (outcome.kind === 'waiting' && outcome.nextEscalationAt) {
      await this.scheduler.scheduleEscalation(conversationId, outcome.nextEscalationAt);
    }
    if (outcome.kind === 'assigned' && outcome.reclaimAt) {
      await this.scheduler.scheduleReclaim(conversationId, outcome.assignmentId, outcome.reclaimAt);
    }
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
