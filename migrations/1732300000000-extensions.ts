import { MigrationInterface, QueryRunner } from 'typeorm';

/** btree_gist lets an exclusion constraint forbid overlapping shift claims per agent. */
export class Extensions1732300000000 implements MigrationInterface {
  name = 'Extensions1732300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP EXTENSION IF EXISTS btree_gist`);
  }
}
