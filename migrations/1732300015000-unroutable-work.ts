import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Work nobody on the roster can take, exclusions of unresponsive agents that expire, and the reads
 * of the estimated wait.
 */
export class UnroutableWork1732300015000 implements MigrationInterface {
  name = 'UnroutableWork1732300015000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE conversations
        ADD COLUMN unroutable_since timestamptz NULL,
        ADD COLUMN unroutable_reason text NULL,
        ADD CONSTRAINT conversations_unroutable_has_reason CHECK ((unroutable_since IS NULL) = (unroutable_reason IS NULL))`);
    await queryRunner.query(`CREATE INDEX conversations_unroutable_idx ON conversations (language) WHERE unroutable_since IS NOT NULL`);
    // NULL: for good (a transfer). Set for an unresponsive agent; signing in again also lifts it.
    await queryRunner.query(`ALTER TABLE conversation_exclusions ADD COLUMN expires_at timestamptz NULL`);
    await queryRunner.query(`CREATE INDEX conversation_exclusions_agent_idx ON conversation_exclusions (agent_id) WHERE expires_at IS NOT NULL`);
    // The estimated wait reads how fast each language's conversations were assigned lately.
    await queryRunner.query(`CREATE INDEX conversations_language_assigned_idx ON conversations (language, assigned_at) WHERE assigned_at IS NOT NULL`);
    // ... and a queued conversation's place in its language's queue.
    await queryRunner.query(`CREATE INDEX conversations_queue_language_idx ON conversations (language, priority DESC, received_at, id) WHERE status = 'queued'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX conversations_queue_language_idx`);
    await queryRunner.query(`DROP INDEX conversations_language_assigned_idx`);
    await queryRunner.query(`DROP INDEX conversation_exclusions_agent_idx`);
    await queryRunner.query(`ALTER TABLE conversation_exclusions DROP COLUMN expires_at`);
    await queryRunner.query(`DROP INDEX conversations_unroutable_idx`);
    await queryRunner.query(`
      ALTER TABLE conversations DROP CONSTRAINT conversations_unroutable_has_reason,
        DROP COLUMN unroutable_reason, DROP COLUMN unroutable_since`);
  }
}
