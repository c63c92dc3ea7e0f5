import { MigrationInterface, QueryRunner } from 'typeorm';

export class RoutingRules1732300005000 implements MigrationInterface {
  name = 'RoutingRules1732300005000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE routing_rules (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        position integer NOT NULL,
        enabled boolean NOT NULL DEFAULT true,
        match jsonb NOT NULL DEFAULT '{}',
        route jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX routing_rules_position_idx ON routing_rules (position, created_at)`);

    // One row: every rule change bumps it in the same transaction, so a decision's version is exact.
    await queryRunner.query(`
      CREATE TABLE routing_ruleset (
        singleton boolean PRIMARY KEY DEFAULT true CONSTRAINT routing_ruleset_singleton CHECK (singleton),
        version integer NOT NULL DEFAULT 1
      )`);
    await queryRunner.query(`INSERT INTO routing_ruleset DEFAULT VALUES`);

    // round_robin keeps its turn per rule ('default' for the built-in rule).
    await queryRunner.query(`
      CREATE TABLE routing_turns (
        rule_key text PRIMARY KEY,
        last_agent_id uuid NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE routing_turns`);
    await queryRunner.query(`DROP TABLE routing_ruleset`);
    await queryRunner.query(`DROP TABLE routing_rules`);
  }
}
