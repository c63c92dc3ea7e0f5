import { createAccount, loginAdmin, SignedInAccount } from '../factories/accounts';
import { newScenario, readSimulation, startSimulation, untilSimulationEnds } from '../factories/planning';
import { startTestApp, TestApp } from '../support/test-app';

describe('/simulations', () => {
  let t: TestApp;
  let manager: SignedInAccount;
  let agent: SignedInAccount;

  beforeAll(async () => {
    t = await startTestApp();
    const adminToken = await loginAdmin(t);
    manager = await createAccount(t, adminToken, { role: 'incident_manager', languages: undefined });
    agent = await createAccount(t, adminToken);
  });
  afterAll(() => t.close());

  it('runs a scenario with progress until done, with planning.md\'s figures and a chart', async () => {
    const id = await startSimulation(t, manager.token, { scenario: newScenario(), seed: 11 });
    const seen = await untilSimulationEnds(t, manager.token, id);
    const progress = seen.map((v) => v.progress);
    expect(progress.every((p) => p >= 0 && p <= 1)).toBe(true);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
    const done = seen[seen.length - 1];
    expect(done).toMatchObject({ id, status: 'done', progress: 1, error: null, chartUrl: `/api/v1/simulations/${id}/chart.svg` });
    const result = done.result!;
    expect(result.seed).toBe(11);
    expect(result.arrivals).toBe(2000);
    expect(result.answered + result.abandoned).toBe(2000);
    expect(result.slaAttainment).toBeGreaterThan(0);
    expect(Object.keys(result.firstResponseMinutes)).toEqual(['p50', 'p90', 'p99']);
    expect(result.byLanguage.map((l: { language: string }) => l.language).sort()).toEqual(['de', 'en', 'nl']);
    expect(result.hourly.length).toBeGreaterThanOrEqual(24);
    expect(result.hourly[0]).toEqual(expect.objectContaining({ hour: 0, arrivals: expect.any(Number), queued: expect.any(Number), agents: expect.any(Number) }));

    const chart = await t.http().get(done.chartUrl).set('Authorization', `Bearer ${manager.token}`).expect(200);
    expect(chart.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(String(chart.text ?? chart.body)).toContain('<svg');
  });

  it('with staffing: plan carries the plan\'s prediction beside the replay; a what-if ruleset is used as given', async () => {
    const rules = [{ name: 'assistance first', order: 1, match: { keywordsAny: ['wheelchair'] }, route: { priority: 9 } }];
    const id = await startSimulation(t, manager.token, { scenario: newScenario(), staffing: 'plan', rules });
    const done = (await untilSimulationEnds(t, manager.token, id)).pop()!;
    expect(done.status).toBe('done');
    expect(done.result!.staffing).toBe('plan');
    expect(done.result!.rules).toBe(1);
    expect(done.result!.plan.predictedAttainment).toBeGreaterThan(0.9);
    expect(done.result!.plan.byLanguage).toEqual(
      expect.arrayContaining([expect.objectContaining({ language: 'nl', predictedAttainment: expect.any(Number), neededAgentsPeak: expect.any(Number) })]),
    );
  });

  it('the same seed gives the same result', async () => {
    const body = { scenario: newScenario({ arrivals: { ...(newScenario().arrivals as object), total: 500 } as never }), seed: 3 };
    const [a, b] = await Promise.all([startSimulation(t, manager.token, body), startSimulation(t, manager.token, body)]);
    const [ra, rb] = [(await untilSimulationEnds(t, manager.token, a)).pop()!, (await untilSimulationEnds(t, manager.token, b)).pop()!];
    expect(rb.result).toEqual(ra.result);
  });

  it.each([
    ['a wrong scenario field, named', { scenario: newScenario({ hours: 0 }) }, 'scenario.hours must be an integer between 1 and 336'],
    ['a nested one', { scenario: { ...newScenario(), handleMinutes: { mean: 7 } } }, 'scenario.handleMinutes.sd must be a number between 0 and 1440'],
    ['an unknown staffing', { scenario: newScenario(), staffing: 'magic' }, 'staffing'],
    ['a rule without a name', { scenario: newScenario(), rules: [{ order: 1, match: {}, route: {} }] }, 'rules.0.name'],
  ])('400 for %s', async (_label, body, message) => {
    const response = await t.http().post('/api/v1/simulations').set('Authorization', `Bearer ${manager.token}`).send(body).expect(400);
    expect(JSON.stringify(response.body.message)).toContain(message);
  });

  it('404 for an unknown simulation or an unknown incident to replay', async () => {
    await t.http().get('/api/v1/simulations/00000000-0000-4000-8000-000000000000').set('Authorization', `Bearer ${manager.token}`).expect(404);
    const scenario = { ...newScenario(), arrivals: { fromIncident: '00000000-0000-4000-8000-000000000000' } };
    await t.http().post('/api/v1/simulations').set('Authorization', `Bearer ${manager.token}`).send({ scenario }).expect(404);
  });

  it('403 for agents', async () => {
    await t.http().post('/api/v1/simulations').set('Authorization', `Bearer ${agent.token}`).send({ scenario: newScenario() }).expect(403);
    const id = await startSimulation(t, manager.token, { scenario: newScenario() });
    await t.http().get(`/api/v1/simulations/${id}`).set('Authorization', `Bearer ${agent.token}`).expect(403);
    await t.http().get(`/api/v1/simulations/${id}/chart.svg`).set('Authorization', `Bearer ${agent.token}`).expect(403);
    expect((await readSimulation(t, manager.token, id)).id).toBe(id);
  });
});
