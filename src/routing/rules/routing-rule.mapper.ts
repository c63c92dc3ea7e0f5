import { RoutingRule, RuleMatch, RuleRoute } from '../engine/engine.types';
import { RoutingRuleViewDto } from './dto/routing-rule-view.dto';
import { SaveRoutingRuleDto } from './dto/save-routing-rule.dto';
import { RoutingRuleFields, StoredRoutingRule } from './routing-rules.repository';

export function toRuleView(rule: StoredRoutingRule): RoutingRuleViewDto {
  return {
    id: rule.id,
    name: rule.name,
    order: rule.order,
    enabled: rule.enabled,
    match: rule.match,
    route: rule.route,
    createdAt: rule.createdAt.toISOString(),
    updatedAt: rule.updatedAt.toISOString(),
  };
}

/** Rules handed out from the shared cache are frozen, so no caller can change another's ruleset. */
export function toEngineRule(rule: StoredRoutingRule): RoutingRule {
  return deepFreeze({
    id: rule.id,
    name: rule.name,
    order: rule.order,
    enabled: rule.enabled,
    match: rule.match,
    route: rule.route,
  });
}

/** Only the fields the caller gave are stored; the engine applies routing.md's defaults. */
export function toRuleFields(dto: SaveRoutingRuleDto): RoutingRuleFields {
  return {
    name: dto.name,
    order: dto.order,
    enabled: dto.enabled ?? true,
    match: toPlain<RuleMatch>(dto.match),
    route: toPlain<RuleRoute>(dto.route),
  };
}

// Drops the DTO classes and their undefined optional fields.
function toPlain<T>(value: object): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}
