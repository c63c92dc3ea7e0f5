import { MigrationInterface, QueryRunner } from 'typeorm';

/** The audit trail: one row per state change, never passenger text. */
export class Events1732300004000 implements MigrationInterface {
  name = 'Events1732300004000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE events (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        type text NOT NULL,
        actor_id uuid NULL,
        subject_type text NULL,
        subject_id uuid NULL,
        payload jsonb NOT NULL DEFAULT '{}',
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX events_type_at_idx ON events (type, id)`);
    await queryRunner.query(`CREATE INDEX events_subject_idx ON events (subject_id, id) WHERE subject_id IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX events_actor_idx ON events (actor_id, id) WHERE actor_id IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE events`);
  }
}
