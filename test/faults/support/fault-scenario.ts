import { randomBytes } from 'crypto';
import { Pool } from 'pg';
import { newMessage } from '../../factories/intake';
import { HttpClient } from '../../support/http-client';
import { pollUntil } from '../../support/routing-invariants';
import { TEST_ADMIN } from '../../support/test-app';

/** Room per agent: the API's maximum. */
const ROOM = 20;

export async function loginAdmin(api: HttpClient): Promise<HttpClient> {
  const login = await api.post('/api/v1/auth/login', TEST_ADMIN);
  if (login.status !== 200) throw new Error(`admin login answered ${login.status}`);
  return api.as(login.body.accessToken);
}

/** A staff agent speaking `language`, signed in, with the API's maximum room; `api` acts as that agent. */
export async function signInAgent(api: HttpClient, admin: HttpClient, language = 'en'): Promise<{ id: string; api: HttpClient }> {
  const email = `agent-${randomBytes(5).toString('hex')}@airline.test`;
  const password = 'correct-horse-battery';
  const created = await admin.post('/api/v1/users', {
    email,
    name: 'Desk Agent',
    password,
    role: 'agent',
    languages: [{ code: language, level: 5 }],
    maxConcurrent: ROOM,
  });
  if (created.status !== 201) throw new Error(`creating an agent answered ${created.status}`);
  const login = await api.post('/api/v1/auth/login', { email, password });
  const agentApi = api.as(login.body.accessToken);
  const signIn = await agentApi.post('/api/v1/me/sign-in');
  if (signIn.status !== 200) throw new Error(`sign-in answered ${signIn.status}`);
  return { id: created.body.id, api: agentApi };
}

/** Staff agents speaking English, signed in, with room for `conversations` between them. */
export async function signInAgents(api: HttpClient, admin: HttpClient, conversations: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < Math.ceil(conversations / ROOM); i++) ids.push((await signInAgent(api, admin)).id);
  return ids;
}

export interface Accepted {
  conversationId: string;
  /** How long the intake took to answer, in ms (reported, never asserted as a speed). */
  tookMs: number;
}

/** One message (English unless `language` says otherwise) from a new sender; the conversation id when it was accepted (202). */
export async function intakeOne(api: HttpClient, language = 'en'): Promise<{ status: number; accepted?: Accepted }> {
  const started = Date.now();
  const response = await api.intake(newMessage({ language }));
  const tookMs = Date.now() - started;
  return { status: response.status, accepted: response.status === 202 ? { conversationId: response.body.conversationId, tookMs } : undefined };
}

/** Polls until every conversation of `ids` is assigned; returns how many are, and when the last one was seen. */
export async function waitUntilAssigned(db: Pool, ids: string[], timeoutMs: number): Promise<number> {
  const result = await pollUntil(
    () => db.query<{ n: number }>(`SELECT count(*)::int AS n FROM conversations WHERE id = ANY($1) AND status = 'assigned'`, [ids]),
    (rows) => rows.rows[0].n === ids.length,
    { timeoutMs, intervalMs: 250 },
  );
  return result.rows[0].n;
}
