import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The routing pump takes the queued conversations no decision has looked at yet, highest priority
 * first, then oldest, many times a second: this partial index keeps that read to them alone.
 */
export class UndecidedQueue1732300031000 implements MigrationInterface {
  name = 'UndecidedQueue1732300031000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX conversations_undecided_idx ON conversations (priority DESC, received_at, id) WHERE status = 'queued' AND NOT awaiting_agent`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX conversations_undecided_idx`);
  }
}
