import { randomUUID } from 'crypto';
import { createAccount, loginAdmin, SignedInAccount } from '../factories/accounts';
import { agentOnDuty, bearer, received, waitForStatus } from '../stats/stats-arrangement';
import { startTestApp, TestApp } from '../support/test-app';
import { sample, scrape } from './metrics-scrape';
import { namingProblems } from './prometheus-naming';

describe('GET /metrics', () => {
  let t: TestApp;
  let adminToken: string;
  let manager: SignedInAccount;

  beforeAll(async () => {
    t = await startTestApp();
    adminToken = await loginAdmin(t);
    manager = await createAccount(t, adminToken, { role: 'incident_manager', languages: undefined });
  });
  afterAll(() => t?.close());

  it('is public without METRICS_TOKEN, outside the API prefix, in the Prometheus text format', async () => {
    const response = await t.http().get('/metrics').expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain;.*version=0\.0\.4/);
    expect(response.text).toMatch(/^# HELP process_cpu_user_seconds_total/m);
    expect(response.text).toMatch(/^nodejs_eventloop_lag_seconds /m);
    await t.http().get('/api/v1/metrics').expect(404);
  });

  it('reports Bull job counts for the routing and outbound queues, and failed attempts', async () => {
    const text = await scrape(t);
    for (const queue of ['routing', 'outbound']) {
      for (const state of ['waiting', 'active', 'delayed', 'completed', 'failed', 'paused']) {
        expect(text).toMatch(new RegExp(`^surgeline_queue_jobs\\{queue="${queue}",state="${state}"\\} \\d+$`, 'm'));
      }
      expect(text).toMatch(new RegExp(`^surgeline_queue_job_failures_total\\{queue="${queue}"\\} \\d+$`, 'm'));
    }
  });

  it('moves when work is queued and then routed', async () => {
    const before = await scrape(t);
    const intake = await received(t, 120, { language: 'pl' });
    const queued = await scrape(t);
    expect(sample(queued, 'surgeline_queue_depth', { language: 'pl' })).toBe(1);

    await agentOnDuty(t, adminToken, 'pl');
    await waitForStatus(t, intake.conversationId, 'assigned');
    const after = await scrape(t);
    expect(sample(after, 'surgeline_queue_depth', { language: 'pl' })).toBe(0);
    expect(after).not.toMatch(/^surgeline_queue_depth\{language="pl"\}/m);
    expect(sample(after, 'surgeline_open_assignments')).toBe(sample(before, 'surgeline_open_assignments') + 1);
    expect(sample(after, 'surgeline_assignments_total', { rule: 'default' })).toBe(sample(before, 'surgeline_assignments_total', { rule: 'default' }) + 1);

    // Received 120 s before the agent signed in: the observation lands above the 60 s bucket.
    const count = (text: string) => sample(text, 'surgeline_routing_latency_seconds_count', { rule: 'default' });
    const within60 = (text: string) => sample(text, 'surgeline_routing_latency_seconds_bucket', { rule: 'default', le: '60' });
    expect(count(after)).toBe(count(before) + 1);
    expect(within60(after)).toBe(within60(before));
    expect(sample(after, 'surgeline_routing_latency_seconds_sum', { rule: 'default' }) - sample(before, 'surgeline_routing_latency_seconds_sum', { rule: 'default' })).toBeGreaterThanOrEqual(120);
  });

  it('agrees with Postgres on open assignments and SLA breaches', async () => {
    // No agent speaks Czech: received two hours ago, it has been waiting past the 60-minute default SLA.
    await received(t, 2 * 3600, { language: 'cs' });
    const text = await scrape(t);
    const { rows } = await t.db.query(`SELECT count(*)::int AS open FROM assignments WHERE ended_at IS NULL`);
    expect(sample(text, 'surgeline_open_assignments')).toBe(rows[0].open);
    expect(sample(text, 'surgeline_sla_breaches', { state: 'waiting' })).toBe(1);
    expect(sample(text, 'surgeline_sla_breaches', { state: 'answered_late_last_hour' })).toBe(0);
  });

  it('times HTTP requests by route pattern and status, never by raw URL', async () => {
    const id = randomUUID();
    await t.http().get(`/api/v1/conversations/${id}`).set(bearer(manager.token)).expect(404);
    await t.http().get('/api/v1/stats/agents').expect(401);
    await t.http().get(`/no/such/path/${id}`).expect(404);
    await t.http().get('/status/').expect(200);
    const text = await scrape(t);

    const histogram = 'surgeline_http_request_duration_seconds_count';
    expect(sample(text, histogram, { method: 'GET', route: '/api/v1/conversations/:id', status: '404' })).toBeGreaterThanOrEqual(1);
    expect(sample(text, histogram, { method: 'GET', route: '/api/v1/stats/agents', status: '401' })).toBeGreaterThanOrEqual(1);
    expect(sample(text, histogram, { method: 'GET', route: 'unmatched', status: '404' })).toBeGreaterThanOrEqual(1);
    // Routes outside the API prefix are timed as well; static files by their mount path.
    expect(sample(text, histogram, { method: 'GET', route: '/metrics', status: '200' })).toBeGreaterThanOrEqual(1);
    expect(sample(text, histogram, { method: 'GET', route: '/status', status: '200' })).toBe(1);
    expect(text).not.toContain(id);
  });

  it("times the Bull dashboard's requests by its own route patterns under /admin/queues", async () => {
    await t.http().get('/admin/queues').expect(401);
    await t.http().get('/admin/queues').set(bearer(adminToken)).expect(200);
    await t.http().get('/admin/queues/queue/routing').set(bearer(adminToken)).expect(200);
    await t.http().get('/admin/queues/api/queues').set(bearer(adminToken)).expect(200);
    await t.http().get('/admin/queues/static/favicon-32x32.png').set(bearer(adminToken)).expect(200);
    const text = await scrape(t);

    const histogram = 'surgeline_http_request_duration_seconds_count';
    expect(sample(text, histogram, { method: 'GET', route: '/admin/queues', status: '401' })).toBe(1);
    expect(sample(text, histogram, { method: 'GET', route: '/admin/queues', status: '200' })).toBe(1);
    expect(sample(text, histogram, { method: 'GET', route: '/admin/queues/queue/:queueName', status: '200' })).toBe(1);
    expect(sample(text, histogram, { method: 'GET', route: '/admin/queues/api/queues', status: '200' })).toBe(1);
    expect(sample(text, histogram, { method: 'GET', route: '/admin/queues/static', status: '200' })).toBe(1);
    const dashboardRoutes = new Set([...text.matchAll(/^surgeline_http_request_duration_seconds_count\{[^}]*route="(\/admin\/queues[^"]*)"/gm)].map((found) => found[1]));
    expect([...dashboardRoutes].sort()).toEqual(['/admin/queues', '/admin/queues/api/queues', '/admin/queues/queue/:queueName', '/admin/queues/static']);
  });

  it("follows Prometheus' naming rules (promtool check metrics), keeping the default process metrics", async () => {
    await received(t, 60, { language: 'fi' });
    const text = await scrape(t);
    expect(namingProblems(text)).toEqual([]);
    expect(text).toMatch(/^# TYPE nodejs_active_handles gauge$/m);
    expect(text).toMatch(/^# TYPE process_cpu_seconds_total counter$/m);
    expect(text).toMatch(/^# TYPE surgeline_http_request_duration_seconds histogram$/m);
  });
});
