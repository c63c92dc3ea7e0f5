import { MigrationInterface, QueryRunner } from 'typeorm';

/** Internal notes on a conversation (a transfer's note among them); never sent to the passenger. */
export class ConversationNotes1732300013000 implements MigrationInterface {
  name = 'ConversationNotes1732300013000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE conversation_notes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        conversation_id uuid NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
        author_id uuid NOT NULL REFERENCES users (id),
        text text NOT NULL CONSTRAINT conversation_notes_text_length CHECK (char_length(text) BETWEEN 1 AND 5000),
        created_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await queryRunner.query(`CREATE INDEX conversation_notes_conversation_idx ON conversation_notes (conversation_id, created_at)`);
    // Passenger history: earlier conversations of one sender, newest first.
    await queryRunner.query(`CREATE INDEX conversations_sender_idx ON conversations (channel, handle, received_at DESC)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX conversations_sender_idx`);
    await queryRunner.query(`DROP TABLE conversation_notes`);
  }
}
