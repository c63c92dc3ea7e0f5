import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { createAccount, loginAdmin, SignedInAccount, uniqueEmail } from '../factories/accounts';
import { newEnrollBody } from '../factories/incidents';
import { newMessage, signedIntake } from '../factories/intake';
import { configureApp } from '../../src/configure-app';
import { startTestApp, TestApp } from '../support/test-app';

const LOGIN_PER_EMAIL = 3;
const LOGIN_PER_ADDRESS = 8;
const ENROLL_PER_ADDRESS = 2;
const INTAKE_PER_SECOND = 5;

/** Rate limits counted in Redis, so every process enforces the same budget. */
describe('rate limits', () => {
  let t: TestApp;
  let second: INestApplication;
  let agents: SignedInAccount[];

  beforeAll(async () => {
    t = await startTestApp({
      RATE_LIMIT_LOGIN_PER_EMAIL: String(LOGIN_PER_EMAIL),
      RATE_LIMIT_LOGIN_PER_ADDRESS: String(LOGIN_PER_ADDRESS),
      RATE_LIMIT_ENROLL_PER_ADDRESS: String(ENROLL_PER_ADDRESS),
      RATE_LIMIT_INTAKE_PER_SECOND: String(INTAKE_PER_SECOND),
    });
    // Arranging logs in too: the admin once, each agent once, before the counted attempts start.
    const adminToken = await loginAdmin(t);
    agents = [await createAccount(t, adminToken), await createAccount(t, adminToken)];
    const { AppModule } = await import('../../src/app.module');
    second = (await Test.createTestingModule({ imports: [AppModule] }).compile()).createNestApplication({ rawBody: true, bufferLogs: true });
    configureApp(second);
    await second.init();
  });
  afterAll(async () => {
    await second?.close();
    await t?.close();
  });

  const wrongLogin = (app: INestApplication, email: string) =>
    request(app.getHttpServer()).post('/api/v1/auth/login').send({ email, password: 'not-the-password' });

  it('counts log-ins per email and per address, across processes, with 429 and Retry-After', async () => {
    // Arranging logged the admin and each agent in once: 3 of the address's budget, 1 of each email's.
    const [agent] = agents;
    for (let attempt = 1; attempt < LOGIN_PER_EMAIL; attempt++) await wrongLogin(t.app, agent.email).expect(401);
    const refused = await request(t.app.getHttpServer()).post('/api/v1/auth/session').send({ email: agent.email, password: agent.password });
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(refused.body).toEqual({ statusCode: 429, message: `Too many requests; retry in ${retryAfter} s`, error: 'Too Many Requests' });

    // The other process counts in the same Redis: that email is refused there too.
    await request(second.getHttpServer()).post('/api/v1/auth/login').send({ email: agent.email, password: agent.password }).expect(429);

    // 3 + 3 + 1 attempts so far; the address has one left, whatever the email.
    await wrongLogin(second, uniqueEmail('unknown')).expect(401);
    const overAddress = await wrongLogin(t.app, uniqueEmail('unknown'));
    expect(overAddress.status).toBe(429);
    expect(overAddress.headers['retry-after']).toEqual(expect.stringMatching(/^\d+$/));
    // Routes without a limit are not counted.
    await t.http().get('/api/v1/stats/live').expect(200);
  });

  it('counts enrollments per address', async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt <= ENROLL_PER_ADDRESS; attempt++) {
      statuses.push((await t.http().post('/api/v1/volunteers/enroll').send(newEnrollBody('no-such-invite-code'))).status);
    }
    expect(statuses).toEqual([...Array(ENROLL_PER_ADDRESS).fill(403), 429]);
  });

  it('counts intake as a whole per second, and lets it through again after Retry-After', async () => {
    let refused: request.Response | undefined;
    let accepted = 0;
    for (let attempt = 0; attempt < 200 && !refused; attempt++) {
      const response = await signedIntake(t, newMessage());
      if (response.status === 429) refused = response;
      else if (response.status === 202) accepted++;
      else throw new Error(`unexpected ${response.status}: ${JSON.stringify(response.body)}`);
    }
    expect(refused).toBeDefined();
    expect(accepted).toBeGreaterThanOrEqual(INTAKE_PER_SECOND);
    expect(refused!.headers['retry-after']).toBe('1');
    await new Promise((resolve) => setTimeout(resolve, 1000 * Number(refused!.headers['retry-after'])));
    expect((await signedIntake(t, newMessage())).status).toBe(202);
  });
});
