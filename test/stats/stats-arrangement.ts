import { createAccount, SignedInAccount } from '../factories/accounts';
import { newMessage, signedIntake } from '../factories/intake';
import { TestApp } from '../support/test-app';

/** Conversations for the figures tests: created through intake, waited on in Postgres. */

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

export interface Intake {
  conversationId: string;
  handle: string;
  name: string;
  text: string;
}

/** A passenger message received `ageSeconds` ago (intake accepts past receivedAt values). */
export async function received(t: TestApp, ageSeconds: number, overrides: Record<string, unknown> = {}): Promise<Intake> {
  const body = newMessage({ receivedAt: new Date(Date.now() - ageSeconds * 1000).toISOString(), ...overrides });
  const response = await signedIntake(t, body).expect(202);
  const from = body.from as { handle: string; name: string };
  return { conversationId: response.body.conversationId, handle: from.handle, name: from.name, text: body.text as string };
}

/** A staff agent speaking only `language`, signed in (presence available). */
export async function agentOnDuty(t: TestApp, adminToken: string, language: string, overrides: Record<string, unknown> = {}): Promise<SignedInAccount> {
  const agent = await createAccount(t, adminToken, { languages: [{ code: language, level: 5 }], ...overrides });
  await t.http().post('/api/v1/me/sign-in').set(bearer(agent.token)).expect(200);
  return agent;
}

export async function waitUntil(condition: () => Promise<boolean>, what: string, deadlineMs = 10_000): Promise<void> {
  const deadline = Date.now() + deadlineMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export async function waitForStatus(t: TestApp, conversationId: string, status: string): Promise<void> {
  await waitUntil(async () => {
    const { rows } = await t.db.query('SELECT status FROM conversations WHERE id = $1', [conversationId]);
    return rows[0]?.status === status;
  }, `conversation ${conversationId} to be ${status}`);
}

/**
 * Arrangement the API cannot do: a reply can't be backdated, so the first response is placed
 * `seconds` after the conversation's first message directly in Postgres.
 */
export async function answeredAfter(t: TestApp, conversationId: string, seconds: number, resolve = false): Promise<void> {
  await t.db.query(
    `UPDATE conversations
        SET first_response_at = received_at + make_interval(secs => $2),
            status = CASE WHEN $3 THEN 'resolved' ELSE status END,
            resolved_at = CASE WHEN $3 THEN received_at + make_interval(secs => $2) ELSE resolved_at END,
            assigned_agent_id = CASE WHEN $3 THEN NULL ELSE assigned_agent_id END
      WHERE id = $1`,
    [conversationId, seconds, resolve],
  );
}
