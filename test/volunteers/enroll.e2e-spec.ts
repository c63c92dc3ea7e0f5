import { createAccount, login, loginAdmin, SignedInAccount } from '../factories/accounts';
import { activateSurge, createIncident, createInvite, enrollVolunteer, IncidentView, newEnrollBody } from '../factories/incidents';
import { startTestApp, TestApp } from '../support/test-app';

describe('POST /volunteers/enroll', () => {
  let t: TestApp;
  let manager: SignedInAccount;
  let surgeIncident: IncidentView;

  beforeAll(async () => {
    t = await startTestApp();
    const adminToken = await loginAdmin(t);
    manager = await createAccount(t, adminToken, { role: 'incident_manager', languages: undefined });
    surgeIncident = await createIncident(t, manager.token, { name: 'Ash cloud' });
    await activateSurge(t, manager.token, surgeIncident.id);
  });
  afterAll(() => t.close());

  const enroll = (body: Record<string, unknown>) => t.http().post('/api/v1/volunteers/enroll').send(body);
  const usesOf = async (code: string) => (await t.db.query('SELECT uses FROM invites WHERE code = $1', [code])).rows[0].uses as number;
  const inviteFor = (overrides: Record<string, unknown> = {}) => createInvite(t, manager.token, surgeIncident.id, overrides);

  it('enrolls an active volunteer of the incident without a token, who can then log in', async () => {
    const invite = await inviteFor();
    const body = newEnrollBody(invite.code, {
      name: 'Alex de Vries',
      languages: [{ code: 'nl', level: 5 }, { code: 'en', level: 4 }],
      skills: [{ name: 'rebooking', level: 3 }],
    });
    const response = await enroll(body).expect(201);
    expect(response.body).toEqual({ id: expect.any(String), status: 'active' });

    const { id } = response.body;
    const agent = await t.db.query(
      `SELECT u.role, u.status, u.name, a.kind, a.incident_id, a.max_concurrent, a.presence FROM users u JOIN agents a ON a.user_id = u.id WHERE u.id = $1`,
      [id],
    );
    expect(agent.rows).toEqual([
      { role: 'agent', status: 'active', name: 'Alex de Vries', kind: 'volunteer', incident_id: surgeIncident.id, max_concurrent: 3, presence: 'offline' },
    ]);
    const languages = await t.db.query('SELECT code, level FROM agent_languages WHERE agent_id = $1 ORDER BY code', [id]);
    expect(languages.rows).toEqual([{ code: 'en', level: 4 }, { code: 'nl', level: 5 }]);
    const skills = await t.db.query('SELECT name, level FROM agent_skills WHERE agent_id = $1', [id]);
    expect(skills.rows).toEqual([{ name: 'rebooking', level: 3 }]);
    expect(await usesOf(invite.code)).toBe(1);
    const events = await t.db.query(`SELECT payload FROM events WHERE type = 'volunteer.enrolled' AND subject_id = $1`, [id]);
    expect(events.rows).toEqual([{ payload: { incidentId: surgeIncident.id, status: 'active' } }]);

    const loggedIn = await t.http().post('/api/v1/auth/login').send({ email: body.email, password: body.password }).expect(200);
    expect(loggedIn.body.user).toMatchObject({ id, role: 'agent', kind: 'volunteer' });
  });

  it('accepts the code as a person types it, and keeps maxConcurrent', async () => {
    const invite = await inviteFor();
    const response = await enroll(newEnrollBody(` ${invite.code.toLowerCase()} `, { maxConcurrent: 2 })).expect(201);
    const rows = await t.db.query('SELECT max_concurrent FROM agents WHERE user_id = $1', [response.body.id]);
    expect(rows.rows[0].max_concurrent).toBe(2);
  });

  it('enrolls as pending when the invite does not auto-approve; a pending volunteer cannot log in', async () => {
    const invite = await inviteFor({ autoApprove: false });
    const volunteer = await enrollVolunteer(t, invite.code);
    expect(volunteer.status).toBe('pending');
    const response = await t.http().post('/api/v1/auth/login').send({ email: volunteer.email, password: volunteer.password }).expect(403);
    expect(response.body.message).toContain('pending');
  });

  it('refuses an unknown code with 403', async () => {
    const response = await enroll(newEnrollBody('NOSUCHCODE000000')).expect(403);
    expect(response.body.message).toContain('inviteCode');
  });

  it('refuses a used-up code with 403 and leaves no account behind', async () => {
    const invite = await inviteFor({ maxUses: 1 });
    await enrollVolunteer(t, invite.code);
    const body = newEnrollBody(invite.code);
    const response = await enroll(body).expect(403);
    expect(response.body.message).toContain('used up');
    expect(await usesOf(invite.code)).toBe(1);
    expect((await t.db.query('SELECT 1 FROM users WHERE email = $1', [body.email])).rowCount).toBe(0);
  });

  it('refuses a code once it has expired (403), without using it', async () => {
    const invite = await inviteFor({ expiresAt: new Date(Date.now() + 3_600_000).toISOString() });
    await enrollVolunteer(t, invite.code);
    // Time travel: a running server's clock cannot be moved, so the expiry is moved into the past instead.
    await t.db.query(`UPDATE invites SET expires_at = now() - interval '1 second' WHERE code = $1`, [invite.code]);
    const response = await enroll(newEnrollBody(invite.code)).expect(403);
    expect(response.body.message).toContain('expired');
    expect(await usesOf(invite.code)).toBe(1);
  });

  it('answers 409 while the invite incident has no active surge, without using the code', async () => {
    const quiet = await createIncident(t, manager.token, { name: 'Quiet incident' });
    const invite = await createInvite(t, manager.token, quiet.id);
    const response = await enroll(newEnrollBody(invite.code)).expect(409);
    expect(response.body.message).toContain('Quiet incident');
    expect(await usesOf(invite.code)).toBe(0);
  });

  it('answers 409 for a registered email, whatever its case, without using the code', async () => {
    const invite = await inviteFor();
    const first = await enrollVolunteer(t, invite.code);
    const response = await enroll(newEnrollBody(invite.code, { email: first.email.toUpperCase() })).expect(409);
    expect(response.body.message).toContain('already registered');
    expect(await usesOf(invite.code)).toBe(1);
  });

  it.each([
    ['inviteCode', { inviteCode: undefined }],
    ['inviteCode', { inviteCode: '' }],
    ['name', { name: '' }],
    ['email', { email: 'not-an-email' }],
    ['password', { password: 'short' }],
    ['languages', { languages: undefined }],
    ['languages', { languages: [] }],
    ['languages.0.code', { languages: [{ code: 'xx', level: 3 }] }],
    ['languages.0.level', { languages: [{ code: 'en', level: 0 }] }],
    ['skills.0.name', { skills: [{ name: 'Bad Name', level: 2 }] }],
    ['maxConcurrent', { maxConcurrent: 21 }],
    ['role', { role: 'admin' }],
  ])('names %s when it is invalid (case %#), using nothing', async (field, override) => {
    const invite = await inviteFor();
    const response = await enroll(newEnrollBody(invite.code, override)).expect(400);
    expect(response.body.message).toContain(field);
    expect(await usesOf(invite.code)).toBe(0);
  });

  it('lets exactly maxUses of 100 concurrent enrollments through', async () => {
    const invite = await inviteFor({ maxUses: 10 });
    const responses = await Promise.all(Array.from({ length: 100 }, () => enroll(newEnrollBody(invite.code))));
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(10);
    expect(statuses.filter((s) => s === 403)).toHaveLength(90);
    expect(await usesOf(invite.code)).toBe(10);
    const ids = responses.filter((r) => r.status === 201).map((r) => r.body.id as string);
    const volunteers = await t.db.query(
      `SELECT a.user_id FROM agents a JOIN users u ON u.id = a.user_id
        WHERE a.kind = 'volunteer' AND a.incident_id = $1 AND u.id = ANY($2)`,
      [surgeIncident.id, ids],
    );
    expect(volunteers.rowCount).toBe(10);
    const enrolled = await t.db.query(
      `SELECT count(*)::int AS n FROM events WHERE type = 'volunteer.enrolled' AND subject_id = ANY($1)`,
      [ids],
    );
    expect(enrolled.rows[0].n).toBe(10);
  }, 180_000); // 100 argon2 hashes: seconds on a quiet machine, much longer on a busy CI runner

  it('a volunteer can use its token on signed-in routes', async () => {
    const volunteer = await enrollVolunteer(t, (await inviteFor()).code);
    const token = await login(t, volunteer.email, volunteer.password);
    const response = await t.http().get('/api/v1/surge').set('Authorization', `Bearer ${token}`).expect(200);
    expect(response.body).toMatchObject({ active: true, incident: { id: surgeIncident.id } });
  });
});
