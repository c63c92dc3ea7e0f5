import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Marks the queued conversations a decision left waiting because no eligible agent had room. Only
 * those need an agent who gains room to come looking; a conversation that has not been decided yet
 * has its own routing job. The partial index keeps that look to the waiting ones.
 */
export class AwaitingAgent1732300009000 implements MigrationInterface {
  name = 'AwaitingAgent1732300009000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE conversations ADD COLUMN awaiting_agent boolean NOT NULL DEFAULT false`);
    await queryRunner.query(
      `CREATE INDEX conversations_awaiting_agent_idx ON conversations (priority DESC, received_at, id) WHERE status = 'queued' AND awaiting_agent`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE conversations DROP COLUMN awaiting_agent`);
  }
}
