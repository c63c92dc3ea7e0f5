import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Browser sessions: the cookie carries a random token whose SHA-256 is stored here, so a leaked
 * table cannot be replayed as cookies. A session ends on log-out, and at once when its account
 * stops being active (suspension, surge-end expiry): the trigger does it in the transaction that
 * changes the status, so no path that changes a status can forget it.
 */
export class Sessions1732300011000 implements MigrationInterface {
  name = 'Sessions1732300011000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        token_hash bytea NOT NULL,
        csrf_token text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        ended_at timestamptz NULL,
        CONSTRAINT sessions_expiry_after_creation CHECK (expires_at > created_at)
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX sessions_token_hash_key ON sessions (token_hash)`);
    await queryRunner.query(`CREATE INDEX sessions_open_by_user_idx ON sessions (user_id) WHERE ended_at IS NULL`);
    await queryRunner.query(`
      CREATE FUNCTION end_sessions_of_inactive_account() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE sessions SET ended_at = now() WHERE user_id = NEW.id AND ended_at IS NULL;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER users_status_ends_sessions
        AFTER UPDATE OF status ON users
        FOR EACH ROW WHEN (NEW.status <> 'active' AND OLD.status IS DISTINCT FROM NEW.status)
        EXECUTE FUNCTION end_sessions_of_inactive_account()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER users_status_ends_sessions ON users`);
    await queryRunner.query(`DROP FUNCTION end_sessions_of_inactive_account()`);
    await queryRunner.query(`DROP TABLE sessions`);
  }
}
