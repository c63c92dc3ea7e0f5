import { MigrationInterface, QueryRunner } from 'typeorm';

export class Incidents1732300002000 implements MigrationInterface {
  name = 'Incidents1732300002000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE incidents (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        description text NULL,
        status text NOT NULL DEFAULT 'open' CONSTRAINT incidents_status_check CHECK (status IN ('open', 'closed')),
        sla_minutes integer NOT NULL DEFAULT 60 CONSTRAINT incidents_sla_minutes_range CHECK (sla_minutes BETWEEN 1 AND 10080),
        surge_active boolean NOT NULL DEFAULT false,
        surge_activated_at timestamptz NULL,
        created_by uuid NULL REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        closed_at timestamptz NULL,
        CONSTRAINT incidents_closed_without_surge CHECK (status = 'open' OR NOT surge_active)
      )`);
    // At most one surge anywhere: two concurrent activations cannot both commit.
    await queryRunner.query(`CREATE UNIQUE INDEX incidents_single_active_surge ON incidents ((true)) WHERE surge_active`);

    await queryRunner.query(`
      CREATE TABLE surge_events (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        incident_id uuid NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
        action text NOT NULL CONSTRAINT surge_events_action_check CHECK (action IN ('activated', 'deactivated')),
        actor_id uuid NULL REFERENCES users (id),
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX surge_events_incident_idx ON surge_events (incident_id, at)`);

    await queryRunner.query(`
      CREATE TABLE invites (
        code text PRIMARY KEY,
        incident_id uuid NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
        max_uses integer NOT NULL CONSTRAINT invites_max_uses_range CHECK (max_uses BETWEEN 1 AND 100000),
        uses integer NOT NULL DEFAULT 0,
        expires_at timestamptz NULL,
        auto_approve boolean NOT NULL DEFAULT true,
        created_by uuid NULL REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT invites_uses_within_max CHECK (uses >= 0 AND uses <= max_uses)
      )`);

    await queryRunner.query(`
      ALTER TABLE agents ADD CONSTRAINT agents_incident_fk FOREIGN KEY (incident_id) REFERENCES incidents (id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE agents DROP CONSTRAINT agents_incident_fk`);
    await queryRunner.query(`DROP TABLE invites`);
    await queryRunner.query(`DROP TABLE surge_events`);
    await queryRunner.query(`DROP TABLE incidents`);
  }
}
