import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Timers are Bull delayed jobs, but their due times also live here so the reconciler can redo
 * any that Redis lost. The least-loaded index lets the claim stop after a few rows at any roster size.
 */
export class RoutingTimers1732300008000 implements MigrationInterface {
  name = 'RoutingTimers1732300008000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE conversations ADD COLUMN next_escalation_at timestamptz NULL`);
    await queryRunner.query(`CREATE INDEX conversations_escalation_due_idx ON conversations (next_escalation_at) WHERE status = 'queued' AND next_escalation_at IS NOT NULL`);
    await queryRunner.query(`ALTER TABLE assignments ADD COLUMN reclaim_at timestamptz NULL`);
    await queryRunner.query(`CREATE INDEX assignments_reclaim_due_idx ON assignments (reclaim_at) WHERE ended_at IS NULL AND reclaim_at IS NOT NULL`);
    await queryRunner.query(`
      CREATE INDEX agents_least_loaded_idx ON agents ((open_count::real / max_concurrent), last_assigned_at NULLS FIRST, user_id)
        WHERE presence = 'available' AND open_count < max_concurrent`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX agents_least_loaded_idx`);
    await queryRunner.query(`ALTER TABLE assignments DROP COLUMN reclaim_at`);
    await queryRunner.query(`ALTER TABLE conversations DROP COLUMN next_escalation_at`);
  }
}
