import { randomUUID } from 'crypto';
import { TEST_ADMIN, TestApp } from '../support/test-app';

export const DEFAULT_PASSWORD = 'correct-horse-battery';

export interface SignedInAccount {
  id: string;
  email: string;
  password: string;
  token: string;
}

export function uniqueEmail(label = 'user'): string {
  return `${label}-${randomUUID().slice(0, 8)}@airline.test`;
}

/** A fresh POST /users body; `role` defaults to a staff agent speaking English. */
export function newUserBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    email: uniqueEmail(String(overrides.role ?? 'agent')),
    name: 'Test Person',
    password: DEFAULT_PASSWORD,
    role: 'agent',
    languages: [{ code: 'en', level: 5 }],
    skills: [],
    ...overrides,
  };
}

export async function login(t: TestApp, email: string, password: string): Promise<string> {
  const response = await t.http().post('/api/v1/auth/login').send({ email, password }).expect(200);
  return response.body.accessToken as string;
}

export async function loginAdmin(t: TestApp): Promise<string> {
  return login(t, TEST_ADMIN.email, TEST_ADMIN.password);
}

/** Creates an account through the admin API and signs it in. */
export async function createAccount(
  t: TestApp,
  adminToken: string,
  overrides: Record<string, unknown> = {},
): Promise<SignedInAccount> {
  const body = newUserBody(overrides);
  const created = await t.http().post('/api/v1/users').set('Authorization', `Bearer ${adminToken}`).send(body).expect(201);
  const token = await login(t, body.email as string, body.password as string);
  return { id: created.body.id, email: body.email as string, password: body.password as string, token };
}
