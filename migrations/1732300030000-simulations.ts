import { MigrationInterface, QueryRunner } from 'typeorm';

export class Simulations1732300030000 implements MigrationInterface {
  name = 'Simulations1732300030000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // A replay requested through the API: its input, progress and result, so any process can answer
    // GET /simulations/:id and a replay whose process died is run again from its stored input.
    await queryRunner.query(`
      CREATE TABLE simulations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        status text NOT NULL DEFAULT 'running' CONSTRAINT simulations_status_check CHECK (status IN ('running', 'done', 'failed')),
        progress real NOT NULL DEFAULT 0 CONSTRAINT simulations_progress_range CHECK (progress BETWEEN 0 AND 1),
        input jsonb NOT NULL,
        result jsonb NULL,
        chart_svg text NULL,
        error text NULL,
        requested_by uuid NULL REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz NULL,
        CONSTRAINT simulations_done_has_result CHECK ((status = 'done') = (result IS NOT NULL))
      )`);
    await queryRunner.query(`CREATE INDEX simulations_running_idx ON simulations (created_at) WHERE status = 'running'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE simulations`);
  }
}
