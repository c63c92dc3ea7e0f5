import { createAccount, loginAdmin, SignedInAccount } from '../factories/accounts';
import { passengerMessage } from '../factories/conversations';
import { newScenario } from '../factories/planning';
import { claimShift, createShift } from '../factories/shifts';
import { startTestApp, TestApp } from '../support/test-app';

const MINUTE_MS = 60_000;

interface PlannedLanguage {
  language: string;
  forecastArrivals: number;
  meanHandleSeconds: number;
  agentConcurrency: number;
  neededAgents: number;
  scheduledAgents: number;
  shortfall: number;
  predictedAttainment: number;
}

describe('/staffing/plan', () => {
  let t: TestApp;
  let manager: SignedInAccount;
  let agent: SignedInAccount;
  /** Buckets start 60 minutes from now, so none contains now and only claimed shifts count. */
  let base: number;
  const at = (minutes: number) => new Date(base + minutes * MINUTE_MS).toISOString();
  const plan = (token: string, query: Record<string, string | number> = {}) =>
    t.http().get('/api/v1/staffing/plan').set('Authorization', `Bearer ${token}`).query(query);

  beforeAll(async () => {
    t = await startTestApp();
    const adminToken = await loginAdmin(t);
    manager = await createAccount(t, adminToken, { role: 'incident_manager', languages: undefined });
    agent = await createAccount(t, adminToken, { languages: [{ code: 'nl', level: 5 }], maxConcurrent: 2 });
    await createAccount(t, adminToken, { languages: [{ code: 'nl', level: 4 }], maxConcurrent: 2 });
    base = Date.now();
    // 30 Dutch and 3 German conversations over the last hour, 2 French ones before it.
    for (let i = 0; i < 30; i++) await passengerMessage(t, 'nl', {}, 60 + i * 90);
    for (let i = 0; i < 3; i++) await passengerMessage(t, 'de', {}, 300 + i * 600);
    for (let i = 0; i < 2; i++) await passengerMessage(t, 'fr', {}, 90 * 60 + i * 60);
    const shift = await createShift(t, manager.token, { startsAt: at(60), endsAt: at(180), slots: 3 });
    await claimShift(t, agent.token, shift.id);
  });
  afterAll(() => t.close());

  it('forecasts from the last hour of intake and counts the shortfall against claimed shifts', async () => {
    const response = await plan(manager.token, { from: at(60), to: at(240), bucketMinutes: 60 }).expect(200);
    const body = response.body as { slaMinutes: number; targetAttainment: number; model: string; buckets: { start: string; end: string; languages: PlannedLanguage[] }[]; invites: { language: string; volunteers: number }[] };
    expect(body).toMatchObject({ slaMinutes: 60, targetAttainment: 0.985 });
    expect(body.model).toMatch(/Erlang C/);
    expect(body.buckets.map((b) => [b.start, b.end])).toEqual([
      [at(60), at(120)],
      [at(120), at(180)],
      [at(180), at(240)],
    ]);
    const cell = (bucket: number, language: string) => body.buckets[bucket].languages.find((l) => l.language === language)!;
    // the French conversations are older than an hour: no forecast for French
    expect(body.buckets[0].languages.map((l) => l.language)).toEqual(['de', 'nl']);
    expect(cell(0, 'nl')).toMatchObject({ forecastArrivals: 30, meanHandleSeconds: 360, agentConcurrency: 2, scheduledAgents: 1 });
    expect(cell(0, 'de')).toMatchObject({ forecastArrivals: 3, meanHandleSeconds: 360, agentConcurrency: 3, scheduledAgents: 0, neededAgents: 1, shortfall: 1, predictedAttainment: 0 });
    // 30 an hour × 6 minutes is 3 erlangs: two agents taking two at once are not enough
    const nl = cell(0, 'nl');
    expect(nl.neededAgents).toBeGreaterThanOrEqual(2);
    expect(nl.shortfall).toBe(nl.neededAgents - 1);
    expect(nl.predictedAttainment).toBeLessThan(0.985);
    // the shift ends at +180: nobody is scheduled in the last bucket
    expect(cell(2, 'nl')).toMatchObject({ scheduledAgents: 0, shortfall: cell(2, 'nl').neededAgents });
    expect(body.invites).toEqual([
      { language: 'de', volunteers: 1 },
      { language: 'nl', volunteers: cell(2, 'nl').neededAgents },
    ]);
  });

  it('every per-language field is a number', async () => {
    const response = await plan(manager.token, { from: at(60), to: at(120) }).expect(200);
    for (const cell of response.body.buckets[0].languages as Record<string, unknown>[]) {
      for (const [field, value] of Object.entries(cell)) if (field !== 'language') expect(typeof value).toBe('number');
    }
  });

  it.each([
    [{ bucketMinutes: 10 }, 'bucketMinutes must not be less than 15'],
    [{ targetAttainment: 1 }, 'targetAttainment must not be greater than 0.999'],
    [{ from: 'soon' }, 'from must be an ISO-8601 date-time'],
  ])('400 for %j', async (query, message) => {
    const response = await plan(manager.token, query as Record<string, string | number>).expect(400);
    expect(JSON.stringify(response.body.message)).toContain(message);
  });

  it('400 for a range past a week or backwards', async () => {
    await plan(manager.token, { from: at(0), to: at(8 * 24 * 60) }).expect(400);
    await plan(manager.token, { from: at(60), to: at(0) }).expect(400);
  });

  it('plans a posted scenario against its own roster', async () => {
    const response = await t
      .http()
      .post('/api/v1/staffing/plan')
      .set('Authorization', `Bearer ${manager.token}`)
      .send({ scenario: newScenario(), bucketMinutes: 120 })
      .expect(200);
    expect(response.body.buckets).toHaveLength(12);
    const first = response.body.buckets[0].languages as PlannedLanguage[];
    expect(first.map((l) => l.language)).toEqual(['de', 'en', 'nl']);
    // four nl+en staff around the clock are scheduled in every bucket
    expect(first.find((l) => l.language === 'nl')!.scheduledAgents).toBeGreaterThanOrEqual(4);
    const total = response.body.buckets.flatMap((b: { languages: PlannedLanguage[] }) => b.languages).reduce((s: number, l: PlannedLanguage) => s + l.forecastArrivals, 0);
    expect(Math.round(total)).toBe(2000);
  });

  it('400 naming the scenario field', async () => {
    const response = await t
      .http()
      .post('/api/v1/staffing/plan')
      .set('Authorization', `Bearer ${manager.token}`)
      .send({ scenario: { ...newScenario(), arrivals: { ...(newScenario().arrivals as object), languages: { xx1: 1 } } } })
      .expect(400);
    expect(response.body.message).toBe('scenario.arrivals.languages.xx1 must be keyed by an ISO 639-1 code or und');
  });

  it('403 for agents', async () => {
    await plan(agent.token).expect(403);
    await t.http().post('/api/v1/staffing/plan').set('Authorization', `Bearer ${agent.token}`).send({ scenario: newScenario() }).expect(403);
  });
});
