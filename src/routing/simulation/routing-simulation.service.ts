import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ReceiveMessageDto } from '../../intake/dto/receive-message.dto';
import { detectLanguage } from '../../intake/language-detector';
import { AssignmentRepository } from '../assignment.repository';
import { DEFAULT_RULE, evaluateEligibility, matchRule, rankCandidates, requirementsAt, toRankedCandidate } from '../engine';
import { RoutingRulesService } from '../rules/routing-rules.service';
import { SurgeStateRepository } from '../surge-state.repository';
import { AgentSnapshotRepository } from './agent-snapshot.repository';
import { SimulationResultDto } from './simulation-result.dto';

/** POST /routing/simulate: the decision the engine would make now, explained; changes nothing. */
@Injectable()
export class RoutingSimulationService {
  constructor(
    private readonly rules: RoutingRulesService,
    private readonly surge: SurgeStateRepository,
    private readonly agents: AgentSnapshotRepository,
    private readonly assignments: AssignmentRepository,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async simulate(message: ReceiveMessageDto): Promise<SimulationResultDto> {
    const now = new Date();
    const language = message.language ?? detectLanguage(message.text);
    const facts = { channel: message.channel, language, text: message.text, flightNumber: message.flightNumber ?? null };
    const ruleset = await this.rules.loadRuleset();
    const activeSurge = await this.surge.activeSurge();
    const rule = matchRule(ruleset.rules, facts, { surgeActive: activeSurge !== null }) ?? DEFAULT_RULE;
    const receivedAt = message.receivedAt ? new Date(message.receivedAt) : now;
    const requirements = requirementsAt(rule, { language, receivedAt, transfer: null }, now, {
      slaMinutes: activeSurge?.slaMinutes ?? null,
    });

    const snapshots = await this.agents.signedInAgents();
    const candidates = snapshots.map((agent) => ({ agent, verdict: evaluateEligibility(agent, requirements) }));
    const eligible = candidates.filter(({ verdict }) => verdict.eligible).map(({ agent }) => toRankedCandidate(agent));
    const lastAgentId =
      requirements.strategy === 'round_robin' ? await this.assignments.readTurn(this.dataSource.manager, rule.id) : null;
    const ranking = rankCandidates(requirements.strategy, eligible, { lastAgentId });
    const best = ranking.ordered[0];

    return {
      rule: { id: rule.id, name: rule.name, version: ruleset.version },
      language,
      requirements: { ...requirements },
      candidates: candidates.map(({ agent, verdict }) => ({
        agentId: agent.id,
        load: agent.load,
        maxConcurrent: agent.maxConcurrent,
        eligible: verdict.eligible,
        reason: verdict.reason,
      })),
      chosen: best ? { agentId: best.agentId, reason: ranking.reason } : null,
    };
  }
}
