import { createAccount, SignedInAccount } from './accounts';
import { newMessage, signedIntake } from './intake';
import { TestApp } from '../support/test-app';

/** Conversations arranged through the real API: intake, staff agents signing in, routing assigning. */

export const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

export { languageAllocator } from './routing';

/** A staff agent speaking `language` natively, created by the admin and signed in (presence available). */
export async function signedInAgent(
  t: TestApp,
  adminToken: string,
  language: string,
  overrides: Record<string, unknown> = {},
): Promise<SignedInAccount> {
  const agent = await createAccount(t, adminToken, { languages: [{ code: language, level: 5 }], ...overrides });
  await t.http().post('/api/v1/me/sign-in').set(auth(agent.token)).expect(200);
  return agent;
}

export interface IntakeResult {
  conversationId: string;
  messageId: string;
  body: Record<string, unknown>;
}

/** Posts a signed passenger message in `language`, received `ageSeconds` ago. */
export async function passengerMessage(
  t: TestApp,
  language: string,
  overrides: Record<string, unknown> = {},
  ageSeconds = 5,
): Promise<IntakeResult> {
  const body = newMessage({ language, receivedAt: new Date(Date.now() - ageSeconds * 1000).toISOString(), ...overrides });
  const response = await signedIntake(t, body).expect((res) => {
    if (res.status !== 202 && res.status !== 200) throw new Error(`intake answered ${res.status}: ${JSON.stringify(res.body)}`);
  });
  return { conversationId: response.body.conversationId, messageId: response.body.messageId, body };
}

/** Polls `read` until `done` holds, failing with the last value after `deadlineMs`. */
export async function pollUntil<T>(read: () => Promise<T>, done: (value: T) => boolean, deadlineMs = 10_000): Promise<T> {
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${deadlineMs} ms; last value: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export interface MyConversation {
  id: string;
  status: string;
  assignedAgentId: string | null;
  receivedAt: string;
  messages: { id: string; externalId: string; text: string; language: string; receivedAt: string; channel: string }[];
  replies: { id: string; agentId: string; text: string; deliveryStatus: string; createdAt: string }[];
  [field: string]: unknown;
}

export async function myConversations(t: TestApp, token: string): Promise<MyConversation[]> {
  const response = await t.http().get('/api/v1/me/conversations').set(auth(token)).expect(200);
  return response.body as MyConversation[];
}

/** Waits until routing has assigned `conversationId` to the agent (GET /me/conversations shows it). */
export async function waitForAssignment(t: TestApp, agent: SignedInAccount, conversationId: string): Promise<MyConversation> {
  const mine = await pollUntil(
    () => myConversations(t, agent.token),
    (conversations) => conversations.some((conversation) => conversation.id === conversationId),
  );
  return mine.find((conversation) => conversation.id === conversationId)!;
}

/** A passenger message routed to the (signed-in) agent speaking `language`. */
export async function assignedConversation(
  t: TestApp,
  agent: SignedInAccount,
  language: string,
  overrides: Record<string, unknown> = {},
): Promise<IntakeResult> {
  const intake = await passengerMessage(t, language, overrides);
  await waitForAssignment(t, agent, intake.conversationId);
  return intake;
}

export async function openCount(t: TestApp, agentId: string): Promise<number> {
  const { rows } = await t.db.query<{ open_count: number }>('SELECT open_count FROM agents WHERE user_id = $1', [agentId]);
  return rows[0].open_count;
}
