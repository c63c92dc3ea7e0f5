import { MigrationInterface, QueryRunner } from 'typeorm';

export class Accounts1732300001000 implements MigrationInterface {
  name = 'Accounts1732300001000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL,
        name text NOT NULL,
        password_hash text NOT NULL,
        role text NOT NULL CONSTRAINT users_role_check CHECK (role IN ('admin', 'incident_manager', 'agent')),
        status text NOT NULL DEFAULT 'active'
          CONSTRAINT users_status_check CHECK (status IN ('pending', 'active', 'suspended', 'expired')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX users_email_key ON users (lower(email))`);

    // open_count is maintained by the assignments trigger; the check makes over-capacity impossible.
    await queryRunner.query(`
      CREATE TABLE agents (
        user_id uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
        kind text NOT NULL CONSTRAINT agents_kind_check CHECK (kind IN ('staff', 'volunteer')),
        incident_id uuid NULL,
        max_concurrent smallint NOT NULL DEFAULT 3
          CONSTRAINT agents_max_concurrent_range CHECK (max_concurrent BETWEEN 1 AND 20),
        open_count smallint NOT NULL DEFAULT 0,
        presence text NOT NULL DEFAULT 'offline'
          CONSTRAINT agents_presence_check CHECK (presence IN ('offline', 'available', 'away')),
        signed_in_at timestamptz NULL,
        last_assigned_at timestamptz NULL,
        CONSTRAINT agents_open_count_within_capacity CHECK (open_count >= 0 AND open_count <= max_concurrent),
        CONSTRAINT agents_volunteer_has_incident CHECK (kind = 'staff' OR incident_id IS NOT NULL)
      )`);
    await queryRunner.query(`CREATE INDEX agents_available_idx ON agents (last_assigned_at, user_id) WHERE presence = 'available' AND open_count < max_concurrent`);
    await queryRunner.query(`CREATE INDEX agents_incident_idx ON agents (incident_id) WHERE incident_id IS NOT NULL`);

    await queryRunner.query(`
      CREATE TABLE agent_languages (
        agent_id uuid NOT NULL REFERENCES agents (user_id) ON DELETE CASCADE,
        code text NOT NULL CONSTRAINT agent_languages_code_check CHECK (code ~ '^[a-z]{2}$'),
        level smallint NOT NULL CONSTRAINT agent_languages_level_check CHECK (level BETWEEN 1 AND 5),
        PRIMARY KEY (agent_id, code)
      )`);
    await queryRunner.query(`CREATE INDEX agent_languages_code_level_idx ON agent_languages (code, level, agent_id)`);

    await queryRunner.query(`
      CREATE TABLE agent_skills (
        agent_id uuid NOT NULL REFERENCES agents (user_id) ON DELETE CASCADE,
        name text NOT NULL CONSTRAINT agent_skills_name_check CHECK (name ~ '^[a-z0-9_-]{1,40}$'),
        level smallint NOT NULL CONSTRAINT agent_skills_level_check CHECK (level BETWEEN 1 AND 5),
        PRIMARY KEY (agent_id, name)
      )`);
    await queryRunner.query(`CREATE INDEX agent_skills_name_level_idx ON agent_skills (name, level, agent_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE agent_skills`);
    await queryRunner.query(`DROP TABLE agent_languages`);
    await queryRunner.query(`DROP TABLE agents`);
    await queryRunner.query(`DROP TABLE users`);
  }
}
