import { MigrationInterface, QueryRunner } from 'typeorm';

export class Shifts1732300003000 implements MigrationInterface {
  name = 'Shifts1732300003000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE shifts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        incident_id uuid NULL REFERENCES incidents (id) ON DELETE CASCADE,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        slots integer NOT NULL CONSTRAINT shifts_slots_range CHECK (slots BETWEEN 1 AND 500),
        claimed integer NOT NULL DEFAULT 0,
        languages text[] NOT NULL DEFAULT '{}',
        skills text[] NOT NULL DEFAULT '{}',
        created_by uuid NULL REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT shifts_claimed_within_slots CHECK (claimed >= 0 AND claimed <= slots),
        CONSTRAINT shifts_window_valid CHECK (ends_at > starts_at AND ends_at - starts_at <= interval '12 hours')
      )`);
    await queryRunner.query(`CREATE INDEX shifts_window_idx ON shifts (starts_at, ends_at)`);

    // starts_at/ends_at are copied from the shift so Postgres itself forbids overlapping claims.
    await queryRunner.query(`
      CREATE TABLE shift_claims (
        shift_id uuid NOT NULL REFERENCES shifts (id) ON DELETE CASCADE,
        agent_id uuid NOT NULL REFERENCES agents (user_id) ON DELETE CASCADE,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        claimed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (shift_id, agent_id),
        CONSTRAINT shift_claims_no_overlap EXCLUDE USING gist (agent_id WITH =, tstzrange(starts_at, ends_at) WITH &&)
      )`);
    await queryRunner.query(`CREATE INDEX shift_claims_agent_window_idx ON shift_claims (agent_id, ends_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE shift_claims`);
    await queryRunner.query(`DROP TABLE shifts`);
  }
}
