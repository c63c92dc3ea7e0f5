import { MigrationInterface, QueryRunner } from 'typeorm';

export class Conversations1732300006000 implements MigrationInterface {
  name = 'Conversations1732300006000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // req_* hold the requirements at the current escalation step so eligibility is one indexed query.
    await queryRunner.query(`
      CREATE TABLE conversations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        incident_id uuid NULL REFERENCES incidents (id),
        channel text NOT NULL
          CONSTRAINT conversations_channel_check CHECK (channel IN ('twitter', 'facebook', 'whatsapp', 'email', 'sms', 'web')),
        handle text NOT NULL,
        from_name text NULL,
        language text NOT NULL CONSTRAINT conversations_language_check CHECK (language ~ '^([a-z]{2}|und)$'),
        flight_number text NULL,
        status text NOT NULL DEFAULT 'queued'
          CONSTRAINT conversations_status_check CHECK (status IN ('queued', 'assigned', 'resolved')),
        priority smallint NOT NULL DEFAULT 5 CONSTRAINT conversations_priority_range CHECK (priority BETWEEN 0 AND 10),
        escalation_step smallint NOT NULL DEFAULT 0,
        rule_id uuid NULL REFERENCES routing_rules (id) ON DELETE SET NULL,
        rule_version integer NOT NULL,
        transfer_requirements jsonb NULL,
        req_languages text[] NULL,
        req_min_language_level smallint NOT NULL DEFAULT 1,
        req_skills jsonb NOT NULL DEFAULT '[]',
        req_agent_kinds text[] NOT NULL DEFAULT '{staff,volunteer}',
        received_at timestamptz NOT NULL,
        queued_at timestamptz NOT NULL DEFAULT now(),
        assigned_agent_id uuid NULL REFERENCES agents (user_id),
        assigned_at timestamptz NULL,
        first_response_at timestamptz NULL,
        resolved_at timestamptz NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT conversations_assignee_matches_status CHECK ((status = 'assigned') = (assigned_agent_id IS NOT NULL)),
        CONSTRAINT conversations_resolved_has_time CHECK ((status = 'resolved') = (resolved_at IS NOT NULL))
      )`);
    // A follow-up from the same sender joins the open conversation; two racing first messages cannot open two.
    await queryRunner.query(`CREATE UNIQUE INDEX conversations_one_open_per_sender ON conversations (channel, handle) WHERE status <> 'resolved'`);
    await queryRunner.query(`CREATE INDEX conversations_queue_idx ON conversations (priority DESC, received_at, id) WHERE status = 'queued'`);
    await queryRunner.query(`CREATE INDEX conversations_queue_languages_idx ON conversations USING gin (req_languages) WHERE status = 'queued'`);
    await queryRunner.query(`CREATE INDEX conversations_agent_open_idx ON conversations (assigned_agent_id) WHERE status = 'assigned'`);
    await queryRunner.query(`CREATE INDEX conversations_received_idx ON conversations (received_at)`);
    await queryRunner.query(`CREATE INDEX conversations_first_response_idx ON conversations (first_response_at) WHERE first_response_at IS NOT NULL`);

    await queryRunner.query(`
      CREATE TABLE messages (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        conversation_id uuid NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
        channel text NOT NULL,
        external_id text NOT NULL,
        text text NOT NULL,
        language text NOT NULL,
        flight_number text NULL,
        received_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT messages_channel_external_id_key UNIQUE (channel, external_id)
      )`);
    await queryRunner.query(`CREATE INDEX messages_conversation_idx ON messages (conversation_id, received_at)`);

    await queryRunner.query(`
      CREATE TABLE replies (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        conversation_id uuid NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
        agent_id uuid NOT NULL REFERENCES agents (user_id),
        text text NOT NULL,
        delivery_status text NOT NULL DEFAULT 'pending'
          CONSTRAINT replies_delivery_status_check CHECK (delivery_status IN ('pending', 'delivered', 'failed')),
        delivery_attempts integer NOT NULL DEFAULT 0,
        delivered_at timestamptz NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX replies_conversation_idx ON replies (conversation_id, created_at)`);
    await queryRunner.query(`CREATE INDEX replies_pending_idx ON replies (created_at) WHERE delivery_status = 'pending'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE replies`);
    await queryRunner.query(`DROP TABLE messages`);
    await queryRunner.query(`DROP TABLE conversations`);
  }
}
