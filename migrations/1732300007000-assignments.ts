import { MigrationInterface, QueryRunner } from 'typeorm';

export class Assignments1732300007000 implements MigrationInterface {
  name = 'Assignments1732300007000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE routing_decisions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        conversation_id uuid NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
        rule_id uuid NULL,
        rule_name text NOT NULL,
        rule_version integer NOT NULL,
        escalation_step smallint NOT NULL,
        strategy text NOT NULL,
        requirements jsonb NOT NULL,
        candidates jsonb NOT NULL,
        chosen_agent_id uuid NOT NULL REFERENCES agents (user_id),
        reason text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX routing_decisions_conversation_idx ON routing_decisions (conversation_id, created_at)`);

    // Invariant 5: an assignment cannot exist without the decision that explains it.
    await queryRunner.query(`
      CREATE TABLE assignments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        conversation_id uuid NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
        agent_id uuid NOT NULL REFERENCES agents (user_id),
        decision_id uuid NOT NULL REFERENCES routing_decisions (id),
        assigned_at timestamptz NOT NULL DEFAULT now(),
        ended_at timestamptz NULL,
        end_reason text NULL CONSTRAINT assignments_end_reason_check
          CHECK (end_reason IN ('resolved', 'signed_out', 'transferred', 'unresponsive', 'surge_ended', 'suspended')),
        CONSTRAINT assignments_end_has_reason CHECK ((ended_at IS NULL) = (end_reason IS NULL))
      )`);
    // Invariant 1: at most one open assignment per conversation, whatever races.
    await queryRunner.query(`CREATE UNIQUE INDEX assignments_one_open_per_conversation ON assignments (conversation_id) WHERE ended_at IS NULL`);
    await queryRunner.query(`CREATE INDEX assignments_agent_open_idx ON assignments (agent_id) WHERE ended_at IS NULL`);
    await queryRunner.query(`CREATE INDEX assignments_conversation_idx ON assignments (conversation_id, assigned_at)`);

    // Invariant 2: open_count follows the open assignments inside the same transaction, and the
    // agents_open_count_within_capacity check rejects an assignment past max_concurrent.
    await queryRunner.query(`
      CREATE FUNCTION assignments_track_open_count() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' AND NEW.ended_at IS NULL THEN
          UPDATE agents SET open_count = open_count + 1, last_assigned_at = NEW.assigned_at WHERE user_id = NEW.agent_id;
        ELSIF TG_OP = 'UPDATE' AND OLD.ended_at IS NULL AND NEW.ended_at IS NOT NULL THEN
          UPDATE agents SET open_count = open_count - 1 WHERE user_id = NEW.agent_id;
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER assignments_track_open_count AFTER INSERT OR UPDATE OF ended_at ON assignments
        FOR EACH ROW EXECUTE FUNCTION assignments_track_open_count()`);

    // Who a conversation must never go back to (transferred away from, or taken back for not answering).
    await queryRunner.query(`
      CREATE TABLE conversation_exclusions (
        conversation_id uuid NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
        agent_id uuid NOT NULL REFERENCES agents (user_id) ON DELETE CASCADE,
        reason text NOT NULL CONSTRAINT conversation_exclusions_reason_check CHECK (reason IN ('transferred', 'unresponsive')),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (conversation_id, agent_id)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE conversation_exclusions`);
    await queryRunner.query(`DROP TRIGGER assignments_track_open_count ON assignments`);
    await queryRunner.query(`DROP FUNCTION assignments_track_open_count()`);
    await queryRunner.query(`DROP TABLE assignments`);
    await queryRunner.query(`DROP TABLE routing_decisions`);
  }
}
