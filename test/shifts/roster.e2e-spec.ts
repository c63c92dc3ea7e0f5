import { createAccount, loginAdmin, SignedInAccount } from '../factories/accounts';
import { newMessage, signedIntake } from '../factories/intake';
import { claimShift, createShift } from '../factories/shifts';
import { startTestApp, TestApp } from '../support/test-app';

const MINUTE_MS = 60_000;

describe('GET /roster', () => {
  let t: TestApp;
  let adminToken: string;
  let manager: SignedInAccount;
  /** Bucket edges are placed 30 minutes away from now so the bucket containing now is certain. */
  let base: number;
  const at = (minutes: number) => new Date(base + minutes * MINUTE_MS).toISOString();

  beforeAll(async () => {
    t = await startTestApp();
    adminToken = await loginAdmin(t);
    manager = await createAccount(t, adminToken, { role: 'incident_manager', languages: undefined });
    base = Date.now();
  });
  afterAll(() => t.close());

  const roster = (token: string, query: Record<string, string | number>) =>
    t.http().get('/api/v1/roster').set('Authorization', `Bearer ${token}`).query(query);

  it('lists bare buckets while nothing is scheduled, signed in or queued; the last one ends at `to`', async () => {
    const response = await roster(manager.token, { from: at(-90), to: at(60), bucketMinutes: 60 }).expect(200);
    expect(response.body).toEqual({
      buckets: [
        { start: at(-90), end: at(-30), languages: [] },
        { start: at(-30), end: at(30), languages: [] },
        { start: at(30), end: at(60), languages: [] },
      ],
      gaps: [],
    });
  });

  describe('on a known data set', () => {
    beforeAll(async () => {
      const agent = (languages: string[]) =>
        createAccount(t, adminToken, { languages: languages.map((code) => ({ code, level: 4 })) });
      const [a, b, c, d, e, f] = await Promise.all([agent(['nl', 'en']), agent(['nl']), agent(['de']), agent(['en']), agent(['fr']), agent(['fr'])]);
      const s1 = await createShift(t, manager.token, { startsAt: at(-60), endsAt: at(60) });
      const s2 = await createShift(t, manager.token, { startsAt: at(100), endsAt: at(140) });
      const s3 = await createShift(t, manager.token, { startsAt: at(-20), endsAt: at(20) });
      for (const [who, shift] of [[a, s1], [e, s1], [f, s1], [b, s2], [c, s3]] as const) await claimShift(t, who.token, shift.id);

      const asAgent = (who: SignedInAccount) => ({ Authorization: `Bearer ${who.token}` });
      for (const who of [a, c, d]) await t.http().post('/api/v1/me/sign-in').set(asAgent(who)).expect(200);
      await t.http().put('/api/v1/me/presence').set(asAgent(c)).send({ status: 'away' }).expect(200);
      // A suspended agent's claim no longer staffs anything.
      await t.http().patch(`/api/v1/agents/${f.id}`).set('Authorization', `Bearer ${adminToken}`).send({ status: 'suspended' }).expect(200);

      // Nobody signed in speaks Spanish or French, so this work stays queued.
      for (const language of ['es', 'es', 'fr']) await signedIntake(t, newMessage({ language })).expect(202);
    });

    it('counts scheduled, signed-in and queued per bucket and language, and the gaps', async () => {
      const response = await roster(manager.token, { from: at(-90), to: at(150) }).expect(200);
      const row = (language: string, scheduled: number, signedIn = 0, queued = 0) => ({ language, scheduled, signedIn, queued });
      expect(response.body.buckets).toEqual([
        { start: at(-90), end: at(-30), languages: [row('de', 0), row('en', 1), row('es', 0), row('fr', 1), row('nl', 1)] },
        {
          start: at(-30),
          end: at(30),
          languages: [row('de', 1, 1), row('en', 1, 2), row('es', 0, 0, 2), row('fr', 1, 0, 1), row('nl', 1, 1)],
        },
        { start: at(30), end: at(90), languages: [row('de', 0), row('en', 1), row('es', 0), row('fr', 1), row('nl', 1)] },
        { start: at(90), end: at(150), languages: [row('de', 0), row('en', 0), row('es', 0), row('fr', 0), row('nl', 1)] },
      ]);
      expect(response.body.gaps).toEqual([
        { start: at(-90), end: at(-30), language: 'es', queued: 2 },
        { start: at(-30), end: at(30), language: 'es', queued: 2 },
        { start: at(30), end: at(90), language: 'es', queued: 2 },
        { start: at(90), end: at(150), language: 'es', queued: 2 },
        { start: at(90), end: at(150), language: 'fr', queued: 1 },
      ]);
    });

    it('sizes buckets by bucketMinutes', async () => {
      const response = await roster(adminToken, { from: at(-45), to: at(45), bucketMinutes: 15 }).expect(200);
      expect(response.body.buckets.map((bucket: { start: string }) => bucket.start)).toEqual([-45, -30, -15, 0, 15, 30].map(at));
      const scheduled = response.body.buckets.map(
        (bucket: { languages: { language: string; scheduled: number }[] }) => bucket.languages.find((l) => l.language === 'de')?.scheduled,
      );
      // The German agent's shift runs from -20 to +20 minutes.
      expect(scheduled).toEqual([0, 1, 1, 1, 1, 0]);
    });
  });

  it.each([
    ['from', { to: '2030-01-01T00:00:00Z' }],
    ['from', { from: 'now', to: '2030-01-01T00:00:00Z' }],
    ['to', { from: '2030-01-01T00:00:00Z', to: 'later' }],
    ['bucketMinutes', { from: '2030-01-01T00:00:00Z', to: '2030-01-02T00:00:00Z', bucketMinutes: 14 }],
    ['bucketMinutes', { from: '2030-01-01T00:00:00Z', to: '2030-01-02T00:00:00Z', bucketMinutes: 1441 }],
    ['to', { from: '2030-01-02T00:00:00Z', to: '2030-01-01T00:00:00Z' }],
    ['bucketMinutes', { from: '2030-01-01T00:00:00Z', to: '2030-01-26T00:00:00Z', bucketMinutes: 60 }],
  ])('names %s when the query is invalid', async (field, query) => {
    const response = await roster(manager.token, query).expect(400);
    expect(response.body.message).toContain(field);
  });

  it('accepts exactly 500 buckets', async () => {
    const from = '2030-01-01T00:00:00.000Z';
    const to = new Date(Date.parse(from) + 500 * 15 * MINUTE_MS).toISOString();
    const response = await roster(manager.token, { from, to, bucketMinutes: 15 }).expect(200);
    expect(response.body.buckets).toHaveLength(500);
  });

  it('requires a token (401) and the incident_manager role (403)', async () => {
    await t.http().get('/api/v1/roster').query({ from: at(0), to: at(60) }).expect(401);
    const agent = await createAccount(t, adminToken);
    await roster(agent.token, { from: at(0), to: at(60) }).expect(403);
  });
});
