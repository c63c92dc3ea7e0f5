import { MigrationInterface, QueryRunner } from 'typeorm';

/** One reply to every open conversation of a flight, at most once per Idempotency-Key. */
export class FlightReplies1732300014000 implements MigrationInterface {
  name = 'FlightReplies1732300014000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX conversations_open_flight_idx ON conversations (flight_number) WHERE status <> 'resolved' AND flight_number IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX conversations_flight_idx ON conversations (flight_number, received_at) WHERE flight_number IS NOT NULL`);
    // The key is inserted in the transaction that sends the replies: a second request with the same
    // key waits on this primary key until the first commits, then reads its answer. Across processes.
    await queryRunner.query(`
      CREATE TABLE flight_reply_requests (
        idempotency_key text PRIMARY KEY CONSTRAINT flight_reply_requests_key_length CHECK (char_length(idempotency_key) BETWEEN 1 AND 100),
        request_hash text NOT NULL,
        actor_id uuid NOT NULL REFERENCES users (id),
        flight_number text NOT NULL,
        response jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE flight_reply_requests`);
    await queryRunner.query(`DROP INDEX conversations_flight_idx`);
    await queryRunner.query(`DROP INDEX conversations_open_flight_idx`);
  }
}
