import { createAccount, loginAdmin, SignedInAccount } from '../factories/accounts';
import { startTestApp, TestApp } from '../support/test-app';
import { agentOnDuty, answeredAfter, bearer, received, waitForStatus } from './stats-arrangement';

interface Point {
  at: string;
  waiting: number;
  firstResponses: number;
  firstResponseP50Seconds: number | null;
}

describe('GET /stats/history', () => {
  let t: TestApp;
  let adminToken: string;
  let manager: SignedInAccount;

  beforeAll(async () => {
    t = await startTestApp();
    adminToken = await loginAdmin(t);
    manager = await createAccount(t, adminToken, { role: 'incident_manager', languages: undefined });
    // Nobody speaks Finnish: received 25 minutes ago, it has waited ever since.
    const finnish = await received(t, 25 * 60, { language: 'fi' });
    await waitForStatus(t, finnish.conversationId, 'queued');
    // Swedish, received 5 minutes ago, taken now and first answered 120 s after it arrived.
    await agentOnDuty(t, adminToken, 'sv');
    const swedish = await received(t, 5 * 60, { language: 'sv' });
    await waitForStatus(t, swedish.conversationId, 'assigned');
    await answeredAfter(t, swedish.conversationId, 120);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('gives per bucket end what was waiting then and the median first response of the replies sent in it', async () => {
    const before = Date.now();
    const response = await t.http().get('/api/v1/stats/history').query({ hours: 1, bucketMinutes: 10 }).set(bearer(manager.token)).expect(200);
    const points = response.body.points as Point[];
    expect(response.body.bucketMinutes).toBe(10);
    expect(points).toHaveLength(6);
    const last = new Date(points[5].at).getTime();
    expect(last).toBeGreaterThanOrEqual(before - 1000);
    expect(points.map((point) => Math.round((last - new Date(point.at).getTime()) / 60_000))).toEqual([50, 40, 30, 20, 10, 0]);
    // The Finnish one from 25 minutes ago on; the Swedish one waited between two bucket ends and is assigned now.
    expect(points.map((point) => point.waiting)).toEqual([0, 0, 0, 1, 1, 1]);
    expect(points.map((point) => [point.firstResponses, point.firstResponseP50Seconds])).toEqual([
      [0, null],
      [0, null],
      [0, null],
      [0, null],
      [0, null],
      [1, 120],
    ]);
  });

  it('defaults to the last 6 hours in 10-minute buckets', async () => {
    const response = await t.http().get('/api/v1/stats/history').set(bearer(manager.token)).expect(200);
    expect(response.body.bucketMinutes).toBe(10);
    expect(response.body.points).toHaveLength(36);
  });

  it.each([
    [{ hours: 25 }, 'hours must not be greater than 24'],
    [{ hours: 0 }, 'hours must not be less than 1'],
    [{ bucketMinutes: 7 }, 'bucketMinutes must be one of 5, 10, 15, 30, 60'],
  ])('refuses %o with a 400 naming the field', async (query, message) => {
    const response = await t.http().get('/api/v1/stats/history').query(query).set(bearer(manager.token)).expect(400);
    expect(response.body.message).toBe(message);
  });

  it('is for incident managers and admins only', async () => {
    const agent = await createAccount(t, adminToken, { role: 'agent' });
    await t.http().get('/api/v1/stats/history').set(bearer(agent.token)).expect(403);
    await t.http().get('/api/v1/stats/history').expect(401);
    await t.http().get('/api/v1/stats/history').set(bearer(adminToken)).expect(200);
  });
});
