import { loginAdmin } from '../factories/accounts';
import { startTestApp, TestApp } from '../support/test-app';

const METRICS_TOKEN = 'scrape-token-for-tests';

describe('GET /metrics with METRICS_TOKEN set', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ METRICS_TOKEN });
  });
  afterAll(() => t?.close());

  it('200 with Authorization: Bearer <METRICS_TOKEN>', async () => {
    const response = await t.http().get('/metrics').set('Authorization', `Bearer ${METRICS_TOKEN}`).expect(200);
    expect(response.text).toContain('surgeline_queue_depth');
  });

  it.each([
    ['no Authorization header', undefined],
    ['another token', 'Bearer scrape-token-for-test'],
    ['the token without the Bearer scheme', METRICS_TOKEN],
    ['the token as Basic credentials', `Basic ${METRICS_TOKEN}`],
  ])('401 with %s', async (_, authorization) => {
    const request = t.http().get('/metrics');
    if (authorization) request.set('Authorization', authorization);
    const response = await request.expect(401);
    expect(response.body).toMatchObject({ statusCode: 401, error: 'Unauthorized' });
    expect(response.text).not.toContain('surgeline_');
  });

  it("401 with a user's access token, even an admin's", async () => {
    const adminToken = await loginAdmin(t);
    await t.http().get('/metrics').set('Authorization', `Bearer ${adminToken}`).expect(401);
  });
});
