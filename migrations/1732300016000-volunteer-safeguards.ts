import { MigrationInterface, QueryRunner } from 'typeorm';

/** Per-incident limits that protect volunteers. */
export class VolunteerSafeguards1732300016000 implements MigrationInterface {
  name = 'VolunteerSafeguards1732300016000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE incidents
        ADD COLUMN max_shift_hours_per_24h smallint NOT NULL DEFAULT 12
          CONSTRAINT incidents_max_shift_hours_range CHECK (max_shift_hours_per_24h BETWEEN 1 AND 24),
        ADD COLUMN volunteer_max_concurrent smallint NOT NULL DEFAULT 3
          CONSTRAINT incidents_volunteer_max_concurrent_range CHECK (volunteer_max_concurrent BETWEEN 1 AND 20)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE incidents DROP COLUMN volunteer_max_concurrent, DROP COLUMN max_shift_hours_per_24h`);
  }
}
