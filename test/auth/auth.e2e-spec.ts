import { createAccount, loginAdmin, newUserBody } from '../factories/accounts';
import { startTestApp, TEST_ADMIN, TestApp } from '../support/test-app';

describe('auth and accounts', () => {
  let t: TestApp;
  let adminToken: string;

  beforeAll(async () => {
    t = await startTestApp();
    adminToken = await loginAdmin(t);
  });
  afterAll(() => t.close());

  const asAdmin = (path: string) => t.http().post(path).set('Authorization', `Bearer ${adminToken}`);

  describe('POST /auth/login', () => {
    it('returns a token and the user for the ensured admin', async () => {
      const response = await t.http().post('/api/v1/auth/login').send(TEST_ADMIN).expect(200);
      expect(response.body.accessToken).toEqual(expect.any(String));
      expect(response.body.user).toEqual({
        id: expect.any(String),
        email: TEST_ADMIN.email,
        name: 'Administrator',
        role: 'admin',
        kind: null,
      });
    });

    it('rejects a wrong password with 401', async () => {
      const response = await t.http().post('/api/v1/auth/login').send({ ...TEST_ADMIN, password: 'wrong-password' });
      expect(response.status).toBe(401);
      expect(response.body).toMatchObject({ statusCode: 401, error: 'Unauthorized' });
    });

    it('rejects an unknown email with 401', async () => {
      await t.http().post('/api/v1/auth/login').send({ email: 'nobody@airline.test', password: 'x' }).expect(401);
    });

    it('names the invalid field with 400', async () => {
      const response = await t.http().post('/api/v1/auth/login').send({ email: 'not-an-email', password: 'x' }).expect(400);
      expect(response.body.message).toMatch(/^email /);
    });

    it('rejects unknown body fields with 400', async () => {
      const response = await t.http().post('/api/v1/auth/login').send({ ...TEST_ADMIN, remember: true }).expect(400);
      expect(response.body.message).toContain('remember');
    });
  });

  describe('POST /users', () => {
    it('creates a staff agent with its profile', async () => {
      const body = newUserBody({ languages: [{ code: 'nl', level: 5 }, { code: 'en', level: 4 }], skills: [{ name: 'rebooking', level: 3 }], maxConcurrent: 5 });
      const response = await asAdmin('/api/v1/users').send(body).expect(201);
      expect(response.body).toMatchObject({
        email: body.email,
        role: 'agent',
        kind: 'staff',
        status: 'active',
        maxConcurrent: 5,
        load: 0,
        presence: 'offline',
        languages: [{ code: 'en', level: 4 }, { code: 'nl', level: 5 }],
        skills: [{ name: 'rebooking', level: 3 }],
      });
      expect(response.body.passwordHash).toBeUndefined();
      expect(response.body.password).toBeUndefined();
    });

    it('creates an incident manager without an agent profile', async () => {
      const response = await asAdmin('/api/v1/users').send(newUserBody({ role: 'incident_manager', languages: undefined })).expect(201);
      expect(response.body).toMatchObject({ role: 'incident_manager', kind: null });
      expect(response.body.load).toBeUndefined();
    });

    it('defaults maxConcurrent to 3', async () => {
      const response = await asAdmin('/api/v1/users').send(newUserBody()).expect(201);
      expect(response.body.maxConcurrent).toBe(3);
    });

    it('answers 409 for a duplicate email, whatever its case', async () => {
      const body = newUserBody();
      await asAdmin('/api/v1/users').send(body).expect(201);
      const response = await asAdmin('/api/v1/users')
        .send({ ...newUserBody(), email: (body.email as string).toUpperCase() })
        .expect(409);
      expect(response.body.message).toContain('already registered');
    });

    it.each([
      ['email', { email: 'nope' }],
      ['password', { password: 'short' }],
      ['role', { role: 'pilot' }],
      ['languages.0.code', { languages: [{ code: 'xx', level: 3 }] }],
      ['languages.0.level', { languages: [{ code: 'en', level: 6 }] }],
      ['skills.0.name', { skills: [{ name: 'Rebooking!', level: 2 }] }],
      ['maxConcurrent', { maxConcurrent: 21 }],
    ])('names %s when it is invalid', async (field, override) => {
      const response = await asAdmin('/api/v1/users').send(newUserBody(override)).expect(400);
      expect(response.body.message).toContain(field);
    });

    it('requires a token (401) and the admin role (403)', async () => {
      await t.http().post('/api/v1/users').send(newUserBody()).expect(401);
      const agent = await createAccount(t, adminToken);
      const manager = await createAccount(t, adminToken, { role: 'incident_manager', languages: undefined });
      for (const token of [agent.token, manager.token]) {
        await t.http().post('/api/v1/users').set('Authorization', `Bearer ${token}`).send(newUserBody()).expect(403);
      }
    });

    it('leaves nothing behind when the request is invalid', async () => {
      const body = newUserBody({ languages: [{ code: 'en', level: 9 }] });
      await asAdmin('/api/v1/users').send(body).expect(400);
      const rows = await t.db.query('SELECT 1 FROM users WHERE email = $1', [body.email]);
      expect(rows.rowCount).toBe(0);
    });
  });

  it('rejects a forged token with 401', async () => {
    await t.http().post('/api/v1/users').set('Authorization', 'Bearer not.a.token').send(newUserBody()).expect(401);
  });

  it('serves health for Postgres and Redis', async () => {
    const response = await t.http().get('/health').expect(200);
    expect(response.body.info).toEqual({ process: { status: 'up' }, postgres: { status: 'up' }, redis: { status: 'up' } });
  });

  it('serves the OpenAPI document', async () => {
    const response = await t.http().get('/docs-json').expect(200);
    expect(Object.keys(response.body.paths)).toEqual(expect.arrayContaining(['/api/v1/auth/login', '/api/v1/users']));
  });
});
