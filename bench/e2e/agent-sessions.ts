import { JwtService } from '@nestjs/jwt';
import { Pool } from 'pg';
import { BenchEnvironment } from '../bench-environment';
import { SeededAgent, SPECIAL_ASSISTANCE } from '../seed/agents-seed';
import { DriverAgent } from './driver-protocol';
import { KeepAliveClient } from './keep-alive-client';

export const AGENT_PASSWORD = 'bench-agent-password';

/** How agents get their tokens; written into the result so a reader knows what was measured. */
export const TOKEN_NOTE =
  'one agent logs in through POST /auth/login (proving the shared hash); the others get tokens signed with the ' +
  "service's JWT_SECRET and the same claims, since each login costs an argon2 verify (~0.5 s here)";

/** Same claims and secret as AuthService.login, so the service cannot tell these tokens from its own. */
function tokenMinter(env: BenchEnvironment): JwtService {
  return new JwtService({ secret: env.jwtSecret, signOptions: { expiresIn: 6 * 3600 } });
}

async function inParallel<T>(items: T[], width: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, items.length) }, async () => {
      while (next < items.length) await work(items[next++]);
    }),
  );
}

async function expectStatus(response: Promise<{ status: number; body: unknown }>, status: number, what: string) {
  const answer = await response;
  if (answer.status !== status) throw new Error(`${what}: expected ${status}, got ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer;
}

/** A rule that needs a skill, so part of the traffic takes the skills path of the candidate query. */
async function createAssistanceRule(client: KeepAliveClient, adminToken: string): Promise<void> {
  const rule = {
    name: 'special assistance by skill',
    order: 10,
    match: { keywordsAny: ['wheelchair'] },
    route: {
      requiredSkills: [{ name: SPECIAL_ASSISTANCE, minLevel: 2 }],
      priority: 8,
      strategy: 'least_loaded',
      escalation: [{ afterSeconds: 60, dropSkills: true }],
    },
  };
  await expectStatus(
    client.send('POST', '/api/v1/routing/rules', { body: JSON.stringify(rule), headers: { Authorization: `Bearer ${adminToken}` } }),
    201,
    'create routing rule',
  );
}

/**
 * Gives every seeded agent a token and signs each in through POST /me/sign-in; creates the bench's
 * routing rule as the admin the service ensured at start.
 */
export async function signInAgents(db: Pool, env: BenchEnvironment, baseUrl: string, agents: SeededAgent[]): Promise<DriverAgent[]> {
  const client = new KeepAliveClient(baseUrl, 16);
  const minter = tokenMinter(env);
  try {
    const [first, ...others] = agents;
    const login = await expectStatus(
      client.send<{ accessToken: string }>('POST', '/api/v1/auth/login', { body: JSON.stringify({ email: first.email, password: AGENT_PASSWORD }) }),
      200,
      'agent login',
    );
    const sessions: DriverAgent[] = [
      { id: first.id, token: (login.body as { accessToken: string }).accessToken },
      ...others.map((agent) => ({ id: agent.id, token: minter.sign({ sub: agent.id, role: 'agent' }) })),
    ];
    await inParallel(sessions, 16, async (session) => {
      await expectStatus(client.send('POST', '/api/v1/me/sign-in', { headers: { Authorization: `Bearer ${session.token}` } }), 200, 'sign-in');
    });

    const { rows } = await db.query<{ id: string }>(`SELECT id FROM users WHERE role = 'admin' ORDER BY created_at LIMIT 1`);
    await createAssistanceRule(client, minter.sign({ sub: rows[0].id, role: 'admin' }));
    return sessions;
  } finally {
    client.close();
  }
}
