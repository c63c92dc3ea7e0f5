import { createAccount, loginAdmin } from '../factories/accounts';
import { auth } from '../factories/conversations';
import { startTestApp, TestApp } from '../support/test-app';

describe('GET /admin/queues (Bull dashboard)', () => {
  let t: TestApp;
  let adminToken: string;
  let managerToken: string;
  let agentToken: string;

  beforeAll(async () => {
    t = await startTestApp();
    adminToken = await loginAdmin(t);
    managerToken = (await createAccount(t, adminToken, { role: 'incident_manager', languages: undefined })).token;
    agentToken = (await createAccount(t, adminToken)).token;
  });
  afterAll(() => t?.close());

  // The dashboard page and the JSON API its page calls sit behind the same gate.
  const paths = ['/admin/queues', '/admin/queues/api/queues'];

  it.each(paths)('401 without a token: %s', async (path) => {
    const response = await t.http().get(path).expect(401);
    expect(response.body).toEqual({ statusCode: 401, message: 'Missing bearer token or session cookie', error: 'Unauthorized' });
  });

  it.each(paths)('401 with an invalid token: %s', async (path) => {
    const response = await t.http().get(path).set(auth('not-a-token')).expect(401);
    expect(response.body.message).toBe('Invalid or expired token');
  });

  it.each([
    ['incident manager', () => managerToken],
    ['agent', () => agentToken],
  ])('403 for an %s', async (_, token) => {
    for (const path of paths) {
      const response = await t.http().get(path).set(auth(token())).expect(403);
      expect(response.body).toEqual({ statusCode: 403, message: 'This action needs the role admin', error: 'Forbidden' });
    }
  });

  it('200 for an admin: the page, and the API listing the routing and outbound queues', async () => {
    const page = await t.http().get('/admin/queues').set(auth(adminToken)).expect(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.text).toContain('Surgeline queues');

    const api = await t.http().get('/admin/queues/api/queues').set(auth(adminToken)).expect(200);
    const names = (api.body.queues as { name: string }[]).map((queue) => queue.name).sort();
    expect(names).toEqual(['outbound', 'routing']);
  });

  it('is not under the API prefix', async () => {
    await t.http().get('/api/v1/admin/queues').set(auth(adminToken)).expect(404);
  });
});
