import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { RuleMatch, RuleRoute } from '../engine/engine.types';
import { modifyReturning } from '../../database/returning';

/** A rule as stored; `order` is the routing_rules.position column. */
export interface StoredRoutingRule {
  id: string;
  name: string;
  order: number;
  enabled: boolean;
  match: RuleMatch;
  route: RuleRoute;
  createdAt: Date;
  updatedAt: Date;
}

export type RoutingRuleFields = Pick<StoredRoutingRule, 'name' | 'order' | 'enabled' | 'match' | 'route'>;

export interface RulesetSnapshot {
  version: number;
  rules: StoredRoutingRule[];
}

const RULE_COLUMNS = `r.id, r.name, r.position AS "order", r.enabled, r.match, r.route,
  r.created_at AS "createdAt", r.updated_at AS "updatedAt"`;

// Evaluation order; id breaks ties between rules created in one transaction.
const EVALUATION_ORDER = 'r.position, r.created_at, r.id';

type SnapshotRow = { version: number } & ({ id: string } & StoredRoutingRule | { id: null });

@Injectable()
export class RoutingRulesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async currentVersion(manager: EntityManager = this.dataSource.manager): Promise<number> {
    const rows: { version: number }[] = await manager.query('SELECT version FROM routing_ruleset');
    return rows[0].version;
  }

  /**
   * The version and the rules read by one statement, hence from one snapshot: the version always
   * labels exactly these rules, even while another process commits a change.
   */
  async loadSnapshot(manager: EntityManager = this.dataSource.manager): Promise<RulesetSnapshot> {
    const rows: SnapshotRow[] = await manager.query(
      `SELECT s.version, ${RULE_COLUMNS}
         FROM routing_ruleset s LEFT JOIN routing_rules r ON true
        ORDER BY ${EVALUATION_ORDER}`,
    );
    const rules = rows.filter((row): row is SnapshotRow & StoredRoutingRule => row.id !== null).map(withoutVersion);
    return { version: rows[0].version, rules };
  }

  async findRule(id: string, manager: EntityManager = this.dataSource.manager): Promise<StoredRoutingRule | null> {
    const rows: StoredRoutingRule[] = await manager.query(`SELECT ${RULE_COLUMNS} FROM routing_rules r WHERE r.id = $1`, [id]);
    return rows[0] ?? null;
  }

  /**
   * Takes the ruleset row lock first, so rule changes are serialized and each commits with
   * exactly the version it returns.
   */
  async bumpVersion(manager: EntityManager): Promise<number> {
    const rows = await modifyReturning<{ version: number }>(manager, 'UPDATE routing_ruleset SET version = version + 1 RETURNING version', []);
    return rows[0].version;
  }

  async insertRule(manager: EntityManager, fields: RoutingRuleFields): Promise<StoredRoutingRule> {
    const rows: StoredRoutingRule[] = await manager.query(
      `INSERT INTO routing_rules AS r (name, position, enabled, match, route)
       VALUES ($1, $2, $3, $4::jsonb, $5::jsonb)
       RETURNING ${RULE_COLUMNS}`,
      [fields.name, fields.order, fields.enabled, JSON.stringify(fields.match), JSON.stringify(fields.route)],
    );
    return rows[0];
  }

  async replaceRule(manager: EntityManager, id: string, fields: RoutingRuleFields): Promise<StoredRoutingRule | null> {
    const rows = await modifyReturning<StoredRoutingRule>(
      manager,
      `UPDATE routing_rules AS r
          SET name = $2, position = $3, enabled = $4, match = $5::jsonb, route = $6::jsonb, updated_at = now()
        WHERE r.id = $1
       RETURNING ${RULE_COLUMNS}`,
      [id, fields.name, fields.order, fields.enabled, JSON.stringify(fields.match), JSON.stringify(fields.route)],
    );
    return rows[0] ?? null;
  }

  async deleteRule(manager: EntityManager, id: string): Promise<boolean> {
    const rows = await modifyReturning<{ id: string }>(manager, 'DELETE FROM routing_rules WHERE id = $1 RETURNING id', [id]);
    return rows.length > 0;
  }

  /** FOR SHARE: a template named by a rule being saved cannot be deleted until the rule commits. */
  async templateExists(manager: EntityManager, id: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(`SELECT 1 FROM templates WHERE id = $1 FOR SHARE`, [id]);
    return rows.length > 0;
  }
}

function withoutVersion({ version: _version, ...rule }: SnapshotRow & StoredRoutingRule): StoredRoutingRule {
  return rule;
}
