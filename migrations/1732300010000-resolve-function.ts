import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Resolving a conversation in one call: lock it, check it may be resolved by the caller, end the
 * open assignment (the assignments trigger lowers the agent's open count), resolve it and record the
 * event. Each statement in the function reads with a fresh snapshot taken after the lock, so it sees
 * every assignment committed before; and the whole call is one round trip instead of five.
 */
export class ResolveFunction1732300010000 implements MigrationInterface {
  name = 'ResolveFunction1732300010000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION resolve_conversation(target uuid, actor uuid, actor_is_manager boolean)
      RETURNS TABLE (outcome text, held_by uuid, event jsonb)
      LANGUAGE plpgsql AS $$
      DECLARE
        locked_status text;
        locked_agent uuid;
      BEGIN
        SELECT c.status, c.assigned_agent_id INTO locked_status, locked_agent FROM conversations c WHERE c.id = target FOR UPDATE;
        IF NOT FOUND THEN
          outcome := 'not_found';
        ELSIF locked_status = 'resolved' THEN
          outcome := 'already_resolved';
        ELSIF NOT actor_is_manager AND (locked_status <> 'assigned' OR locked_agent IS DISTINCT FROM actor) THEN
          outcome := 'not_assignee';
        ELSE
          UPDATE assignments a SET ended_at = now(), end_reason = 'resolved'
           WHERE a.conversation_id = target AND a.ended_at IS NULL
           RETURNING a.agent_id INTO held_by;
          UPDATE conversations c SET status = 'resolved', resolved_at = now(), assigned_agent_id = NULL WHERE c.id = target;
          INSERT INTO events AS e (type, actor_id, subject_type, subject_id, payload)
          VALUES ('conversation.resolved', actor, 'conversation', target, jsonb_build_object('agentId', held_by))
          RETURNING to_jsonb(e.*) INTO event;
          outcome := 'resolved';
        END IF;
        RETURN NEXT;
      END $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION resolve_conversation(uuid, uuid, boolean)`);
  }
}
