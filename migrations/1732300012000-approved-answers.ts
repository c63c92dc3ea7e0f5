import { MigrationInterface, QueryRunner } from 'typeorm';

/** Approved answers (templates, one variant per language) and replies that record what they were. */
export class ApprovedAnswers1732300012000 implements MigrationInterface {
  name = 'ApprovedAnswers1732300012000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE templates (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CONSTRAINT templates_name_length CHECK (char_length(name) BETWEEN 1 AND 100),
        created_by uuid NULL REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // Two managers naming two answers alike at once: one of them gets the 409.
    await queryRunner.query(`CREATE UNIQUE INDEX templates_name_key ON templates (lower(name))`);
    await queryRunner.query(`
      CREATE TABLE template_variants (
        template_id uuid NOT NULL REFERENCES templates (id) ON DELETE CASCADE,
        language text NOT NULL CONSTRAINT template_variants_language_check CHECK (language ~ '^[a-z]{2}$'),
        position smallint NOT NULL,
        text text NOT NULL CONSTRAINT template_variants_text_length CHECK (char_length(text) BETWEEN 1 AND 2000),
        PRIMARY KEY (template_id, language)
      )`);

    // A reply is written by an agent, by a manager (a flight reply), or by the service (an acknowledgement).
    await queryRunner.query(`ALTER TABLE replies ALTER COLUMN agent_id DROP NOT NULL`);
    await queryRunner.query(`
      ALTER TABLE replies
        ADD COLUMN author_id uuid NULL REFERENCES users (id),
        ADD COLUMN kind text NOT NULL DEFAULT 'reply' CONSTRAINT replies_kind_check CHECK (kind IN ('reply', 'acknowledgement')),
        ADD COLUMN template_id uuid NULL REFERENCES templates (id) ON DELETE SET NULL`);
    await queryRunner.query(`UPDATE replies SET author_id = agent_id`);
    await queryRunner.query(`
      ALTER TABLE replies ADD CONSTRAINT replies_reply_has_author CHECK (kind = 'acknowledgement' OR author_id IS NOT NULL)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM replies WHERE agent_id IS NULL`);
    await queryRunner.query(`
      ALTER TABLE replies DROP CONSTRAINT replies_reply_has_author,
        DROP COLUMN template_id, DROP COLUMN kind, DROP COLUMN author_id`);
    await queryRunner.query(`ALTER TABLE replies ALTER COLUMN agent_id SET NOT NULL`);
    await queryRunner.query(`DROP TABLE template_variants`);
    await queryRunner.query(`DROP TABLE templates`);
  }
}
