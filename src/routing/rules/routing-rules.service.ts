import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { invalidInput, notFound } from '../../common/errors/domain-error';
import { TransactionRunner } from '../../database/transaction-runner';
import { EventsService } from '../../events/events.service';
import { RoutingRule } from '../engine/engine.types';
import { RoutingRuleChangeDto, RoutingRuleListDto, RoutingRuleViewDto } from './dto/routing-rule-view.dto';
import { SaveRoutingRuleDto } from './dto/save-routing-rule.dto';
import { toEngineRule, toRuleFields, toRuleView } from './routing-rule.mapper';
import { RoutingRulesRepository } from './routing-rules.repository';

export interface Ruleset {
  version: number;
  /** enabled and disabled rules, in evaluation order */
  rules: RoutingRule[];
}

type RuleChange = 'created' | 'replaced' | 'deleted';

@Injectable()
export class RoutingRulesService {
  /**
   * Postgres stays the truth: every read checks the ruleset version and reloads on a change,
   * so a change made through any process is seen by all of them without a restart.
   */
  private cached: Ruleset | null = null;

  constructor(
    private readonly rules: RoutingRulesRepository,
    private readonly transactions: TransactionRunner,
    private readonly events: EventsService,
  ) {}

  /** Pass a transaction's manager to read on its connection; otherwise the pool's. */
  async loadRuleset(manager?: EntityManager): Promise<Ruleset> {
    return this.rulesetAt(await this.rules.currentVersion(manager), manager);
  }

  /** The ruleset at `version`, read from the database only when the cached one is another version. */
  async rulesetAt(version: number, manager?: EntityManager): Promise<Ruleset> {
    if (this.cached && this.cached.version === version) return this.cached;
    const snapshot = await this.rules.loadSnapshot(manager);
    const rules = Object.freeze(snapshot.rules.map(toEngineRule)) as RoutingRule[];
    const ruleset: Ruleset = Object.freeze({ version: snapshot.version, rules });
    // Concurrent reloads may finish out of order; versions only grow, so keep the newest.
    if (!this.cached || ruleset.version > this.cached.version) this.cached = ruleset;
    return ruleset;
  }

  /** The rule as the engine sees it in the current ruleset, or null when it no longer exists. */
  async findRule(id: string): Promise<RoutingRule | null> {
    const { rules } = await this.loadRuleset();
    return rules.find((rule) => rule.id === id) ?? null;
  }

  async listRules(): Promise<RoutingRuleListDto> {
    const snapshot = await this.rules.loadSnapshot();
    return { version: snapshot.version, items: snapshot.rules.map(toRuleView) };
  }

  async getRule(id: string): Promise<RoutingRuleViewDto> {
    const rule = await this.rules.findRule(id);
    if (!rule) throw notFound('routing rule', id);
    return toRuleView(rule);
  }

  async createRule(actor: AuthUser, dto: SaveRoutingRuleDto): Promise<RoutingRuleChangeDto> {
    return this.transactions.run(async (manager) => {
      await this.assertAcknowledgementExists(manager, dto);
      const version = await this.rules.bumpVersion(manager);
      const rule = await this.rules.insertRule(manager, toRuleFields(dto));
      await this.recordChange(manager, actor, 'created', rule.id, version);
      return { ...toRuleView(rule), version };
    });
  }

  async replaceRule(actor: AuthUser, id: string, dto: SaveRoutingRuleDto): Promise<RoutingRuleChangeDto> {
    return this.transactions.run(async (manager) => {
      await this.assertAcknowledgementExists(manager, dto);
      const version = await this.rules.bumpVersion(manager);
      const rule = await this.rules.replaceRule(manager, id, toRuleFields(dto));
      // Throwing rolls the version bump back with the transaction.
      if (!rule) throw notFound('routing rule', id);
      await this.recordChange(manager, actor, 'replaced', id, version);
      return { ...toRuleView(rule), version };
    });
  }

  async deleteRule(actor: AuthUser, id: string): Promise<void> {
    await this.transactions.run(async (manager) => {
      const version = await this.rules.bumpVersion(manager);
      if (!(await this.rules.deleteRule(manager, id))) throw notFound('routing rule', id);
      await this.recordChange(manager, actor, 'deleted', id, version);
    });
  }

  private async assertAcknowledgementExists(manager: EntityManager, dto: SaveRoutingRuleDto): Promise<void> {
    const templateId = dto.route?.acknowledgeTemplateId;
    if (templateId !== undefined && !(await this.rules.templateExists(manager, templateId))) {
      throw invalidInput(`route.acknowledgeTemplateId names no template (${templateId})`);
    }
  }

  private recordChange(manager: EntityManager, actor: AuthUser, action: RuleChange, ruleId: string, version: number) {
    return this.events.record(
      {
        type: 'routing_rule.changed',
        actorId: actor.id,
        subjectType: 'routing_rule',
        subjectId: ruleId,
        payload: { action, ruleId, version },
      },
      manager,
    );
  }
}
