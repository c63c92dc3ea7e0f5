import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A decision that finds no agent is recorded like one that chooses an agent, with why it waits:
 * one row each time a conversation starts waiting or waits under another rule, version or step.
 */
export class WaitingDecisions1732300032000 implements MigrationInterface {
  name = 'WaitingDecisions1732300032000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE routing_decisions
        ALTER COLUMN chosen_agent_id DROP NOT NULL,
        ADD COLUMN outcome text NOT NULL DEFAULT 'assigned' CONSTRAINT routing_decisions_outcome_check CHECK (outcome IN ('assigned', 'waiting')),
        ADD CONSTRAINT routing_decisions_chosen_agent_check CHECK ((outcome = 'assigned') = (chosen_agent_id IS NOT NULL))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM routing_decisions WHERE outcome = 'waiting'`);
    await queryRunner.query(`
      ALTER TABLE routing_decisions
        DROP CONSTRAINT routing_decisions_chosen_agent_check,
        DROP COLUMN outcome,
        ALTER COLUMN chosen_agent_id SET NOT NULL`);
  }
}
