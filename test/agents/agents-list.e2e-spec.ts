import { createAccount, loginAdmin, SignedInAccount } from '../factories/accounts';
import { startSurgeWithVolunteer } from '../factories/incidents';
import { signIn } from '../factories/shifts';
import { startTestApp, TestApp } from '../support/test-app';

/** GET /agents: every filter narrows to exactly the right agents; keyset pages walk the whole list. */
describe('GET /agents', () => {
  let t: TestApp;
  let adminToken: string;
  let manager: SignedInAccount;
  const ids = {} as Record<'bilingual' | 'english' | 'suspended' | 'signedIn' | 'volunteer', string>;
  let bilingual: SignedInAccount;

  const list = (query: Record<string, string | number> = {}, token = adminToken) =>
    t.http().get('/api/v1/agents').query(query).set('Authorization', `Bearer ${token}`);

  const idsFor = async (query: Record<string, string | number>) => {
    const response = await list(query).expect(200);
    return (response.body.items as { id: string }[]).map((item) => item.id).sort();
  };

  beforeAll(async () => {
    t = await startTestApp();
    adminToken = await loginAdmin(t);
    manager = await createAccount(t, adminToken, { role: 'incident_manager', languages: undefined });
    bilingual = await createAccount(t, adminToken, {
      name: 'Bilingual Staff',
      languages: [{ code: 'nl', level: 5 }, { code: 'en', level: 4 }],
      skills: [{ name: 'rebooking', level: 3 }],
      maxConcurrent: 4,
    });
    ids.bilingual = bilingual.id;
    ids.english = (await createAccount(t, adminToken, { skills: [{ name: 'refunds', level: 2 }] })).id;
    ids.suspended = (await createAccount(t, adminToken, { languages: [{ code: 'de', level: 3 }] })).id;
    await t
      .http()
      .patch(`/api/v1/agents/${ids.suspended}`)
      .set('Authorization', `Bearer ${adminToken}`)
      .send({ status: 'suspended' })
      .expect(200);
    const signedIn = await createAccount(t, adminToken, { languages: [{ code: 'en', level: 3 }] });
    await signIn(t, signedIn.token);
    ids.signedIn = signedIn.id;
    const surge = await startSurgeWithVolunteer(t, adminToken, {
      languages: [{ code: 'fr', level: 5 }],
      skills: [{ name: 'rebooking', level: 2 }],
    });
    ids.volunteer = surge.volunteer.id;
  });
  afterAll(() => t.close());

  const sorted = (...keys: (keyof typeof ids)[]) => keys.map((key) => ids[key]).sort();

  it('lists agents only (no admin or manager accounts), with their profile', async () => {
    const response = await list().expect(200);
    expect(response.body.nextCursor).toBeNull();
    expect(response.body.items.map((item: { id: string }) => item.id).sort()).toEqual(
      sorted('bilingual', 'english', 'suspended', 'signedIn', 'volunteer'),
    );
    expect(response.body.items.find((item: { id: string }) => item.id === ids.bilingual)).toEqual({
      id: ids.bilingual,
      email: bilingual.email,
      name: 'Bilingual Staff',
      role: 'agent',
      status: 'active',
      kind: 'staff',
      createdAt: expect.any(String),
      incidentId: null,
      languages: [{ code: 'en', level: 4 }, { code: 'nl', level: 5 }],
      skills: [{ name: 'rebooking', level: 3 }],
      maxConcurrent: 4,
      load: 0,
      presence: 'offline',
      signedInAt: null,
    });
  });

  it.each<[string, Record<string, string>, (keyof typeof ids)[]]>([
    ['kind=volunteer', { kind: 'volunteer' }, ['volunteer']],
    ['kind=staff', { kind: 'staff' }, ['bilingual', 'english', 'suspended', 'signedIn']],
    ['status=suspended', { status: 'suspended' }, ['suspended']],
    ['status=active', { status: 'active' }, ['bilingual', 'english', 'signedIn', 'volunteer']],
    ['status=pending', { status: 'pending' }, []],
    ['language=en', { language: 'en' }, ['bilingual', 'english', 'signedIn']],
    ['language=nl', { language: 'nl' }, ['bilingual']],
    ['language=fr', { language: 'fr' }, ['volunteer']],
    ['skill=rebooking', { skill: 'rebooking' }, ['bilingual', 'volunteer']],
    ['skill=refunds', { skill: 'refunds' }, ['english']],
    ['presence=available', { presence: 'available' }, ['signedIn']],
    ['presence=offline', { presence: 'offline' }, ['bilingual', 'english', 'suspended', 'volunteer']],
    ['language=en&skill=rebooking', { language: 'en', skill: 'rebooking' }, ['bilingual']],
    ['kind=staff&presence=available&language=en', { kind: 'staff', presence: 'available', language: 'en' }, ['signedIn']],
  ])('filters by %s', async (_case, query, expected) => {
    expect(await idsFor(query)).toEqual(sorted(...expected));
  });

  it('shows a signed-in agent with presence and signedInAt, a volunteer with its incident', async () => {
    const available = (await list({ presence: 'available' }).expect(200)).body.items[0];
    expect(available).toMatchObject({ id: ids.signedIn, presence: 'available', signedInAt: expect.any(String) });
    const volunteer = (await list({ kind: 'volunteer' }).expect(200)).body.items[0];
    expect(volunteer).toMatchObject({ kind: 'volunteer', incidentId: expect.any(String), skills: [{ name: 'rebooking', level: 2 }] });
  });

  it('walks every agent exactly once with limit 2, in creation order', async () => {
    const all = (await list().expect(200)).body.items.map((item: { id: string }) => item.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const response: { body: { items: { id: string }[]; nextCursor: string | null } } = await list(
        cursor ? { limit: 2, cursor } : { limit: 2 },
      ).expect(200);
      expect(response.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...response.body.items.map((item) => item.id));
      cursor = response.body.nextCursor;
      pages++;
    } while (cursor !== null && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toEqual(all);
    expect(new Set(seen).size).toBe(5);
  });

  it('pages through a filtered list too', async () => {
    const first = await list({ kind: 'staff', limit: 3 }).expect(200);
    expect(first.body.items).toHaveLength(3);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await list({ kind: 'staff', limit: 3, cursor: first.body.nextCursor }).expect(200);
    expect(second.body.items).toHaveLength(1);
    expect(second.body.nextCursor).toBeNull();
    const walked = [...first.body.items, ...second.body.items].map((item: { id: string }) => item.id).sort();
    expect(walked).toEqual(sorted('bilingual', 'english', 'suspended', 'signedIn'));
  });

  it.each<[string, Record<string, string | number>]>([
    ['kind', { kind: 'pilot' }],
    ['status', { status: 'deleted' }],
    ['language', { language: 'xx' }],
    ['skill', { skill: 'Rebooking!' }],
    ['presence', { presence: 'busy' }],
    ['limit', { limit: 0 }],
    ['limit', { limit: 501 }],
    ['cursor', { cursor: 'not-a-cursor' }],
    ['cursor', { cursor: Buffer.from(JSON.stringify(['yesterday', 'abc'])).toString('base64url') }],
    ['team', { team: 'a' }],
  ])('answers 400 naming %s', async (field, query) => {
    const response = await list(query).expect(400);
    expect(response.body.message).toContain(field);
  });

  it('needs a token (401) and the admin role (403 for an incident manager and an agent)', async () => {
    await t.http().get('/api/v1/agents').expect(401);
    await list({}, manager.token).expect(403);
    await list({}, bilingual.token).expect(403);
  });
});
