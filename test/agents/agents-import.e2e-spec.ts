import { randomUUID } from 'crypto';
import { createAccount, login, loginAdmin, SignedInAccount } from '../factories/accounts';
import { assignedConversation, openCount, signedInAgent } from '../factories/conversations';
import { activateSurge, createIncident, deactivateSurge } from '../factories/incidents';
import { startTestApp, TestApp } from '../support/test-app';

const HEADER = 'name,email,kind,languages,skills,maxConcurrent';

/** POST /agents/import: a roster CSV applied row by row, bad rows reported by line and skipped. */
describe('POST /agents/import', () => {
  let t: TestApp;
  let adminToken: string;
  let manager: SignedInAccount;

  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const importCsv = (text: string, token = adminToken) =>
    t.http().post('/api/v1/agents/import').set(as(token)).set('Content-Type', 'text/csv').send(text);
  const email = (label: string) => `${label}-${randomUUID().slice(0, 8)}@airline.test`;

  /** The agent as stored, or undefined when no account has this email. */
  const stored = async (address: string) => {
    const { rows } = await t.db.query(
      `SELECT u.id, u.name, u.role, u.status, a.kind, a.incident_id, a.max_concurrent,
              (SELECT coalesce(string_agg(code || ':' || level, ';' ORDER BY code), '') FROM agent_languages WHERE agent_id = u.id) AS languages,
              (SELECT coalesce(string_agg(name || ':' || level, ';' ORDER BY name), '') FROM agent_skills WHERE agent_id = u.id) AS skills
         FROM users u LEFT JOIN agents a ON a.user_id = u.id WHERE lower(u.email) = lower($1)`,
      [address],
    );
    return rows[0];
  };

  beforeAll(async () => {
    t = await startTestApp();
    adminToken = await loginAdmin(t);
    manager = await createAccount(t, adminToken, { role: 'incident_manager', languages: undefined });
  });
  afterAll(() => t.close());

  describe('a file mixing good and bad rows', () => {
    let existing: SignedInAccount;
    let otherStaff: SignedInAccount;
    const emails = {
      sam: email('sam'),
      badLanguage: email('badlang'),
      ana: email('ana'),
      volunteer: email('vol'),
      badMax: email('badmax'),
    };
    let file: string;
    const expectedErrors = () => [
      { line: 3, message: 'languages: "xx" is not an ISO 639-1 language code' },
      { line: 6, message: 'kind: a volunteer joins the incident whose surge is active, and no surge is active' },
      { line: 7, message: `email: ${emails.sam.toUpperCase()} already appears on line 2; list each person once` },
      { line: 9, message: `kind: ${otherStaff.email} is a staff agent; an import cannot make it volunteer` },
      { line: 10, message: `email: ${manager.email} belongs to an account with role incident_manager, not an agent` },
      { line: 11, message: 'maxConcurrent: must be an integer from 1 to 20, not "0"' },
      { line: 12, message: 'email: "not-an-email" is not an email address' },
      { line: 13, message: 'expected 6 fields as in the header, found 3' },
    ];

    beforeAll(async () => {
      existing = await createAccount(t, adminToken, { name: 'Old Name', languages: [{ code: 'en', level: 5 }], maxConcurrent: 3 });
      otherStaff = await createAccount(t, adminToken, { name: 'Other Staff' });
      // A BOM, CRLF line ends, a blank line, quoted fields with a comma and doubled quotes.
      file =
        '\uFEFF' +
        [
          HEADER,
          `"Jansen, Sam",${emails.sam},staff,nl:5;en:4,rebooking:3;refunds:2,4`,
          `Bad Language,${emails.badLanguage},staff,xx:5,,`,
          '',
          `Ana,${emails.ana},staff,es:5,,`,
          `Vol,${emails.volunteer},volunteer,fr:5,,`,
          `"Sam ""Again""",${emails.sam.toUpperCase()},staff,nl:5,,`,
          `Renamed,${existing.email},staff,en:5;de:3,refunds:1,6`,
          `Kind Change,${otherStaff.email},volunteer,en:5,,`,
          `Manager,${manager.email},staff,en:5,,`,
          `Bad Max,${emails.badMax},staff,en:5,,0`,
          'Bad Email,not-an-email,staff,en:5,,',
          'Short,short,staff',
        ].join('\r\n') +
        '\r\n';
    });

    it('creates and updates the good rows and reports every bad one with its line', async () => {
      const response = await importCsv(file).expect(200);
      expect(response.body).toMatchObject({ created: 2, updated: 1, errors: expectedErrors() });

      expect(await stored(emails.sam)).toMatchObject({
        name: 'Jansen, Sam',
        role: 'agent',
        status: 'active',
        kind: 'staff',
        incident_id: null,
        max_concurrent: 4,
        languages: 'en:4;nl:5',
        skills: 'rebooking:3;refunds:2',
      });
      expect(await stored(emails.ana)).toMatchObject({ name: 'Ana', kind: 'staff', max_concurrent: 3, languages: 'es:5', skills: '' });
      expect(await stored(existing.email)).toMatchObject({ name: 'Renamed', max_concurrent: 6, languages: 'de:3;en:5', skills: 'refunds:1' });
      expect(await stored(otherStaff.email)).toMatchObject({ name: 'Other Staff', kind: 'staff' });
      expect(await stored(manager.email)).toMatchObject({ role: 'incident_manager', kind: null });
      for (const absent of [emails.badLanguage, emails.volunteer, emails.badMax, 'not-an-email', 'short']) {
        expect(await stored(absent)).toBeUndefined();
      }

      const { rows } = await t.db.query(`SELECT actor_id, payload FROM events WHERE type = 'agent.imported' ORDER BY id DESC LIMIT 1`);
      expect(rows[0].payload).toMatchObject({ created: 2, updated: 1, errors: 8 });
      expect(rows[0].actor_id).toEqual(expect.any(String));
    });

    it('re-importing the same file updates the rows it created and changes nothing else', async () => {
      const response = await importCsv(file).expect(200);
      expect(response.body).toMatchObject({ created: 0, updated: 3, errors: expectedErrors() });
      expect(await stored(emails.sam)).toMatchObject({ name: 'Jansen, Sam', max_concurrent: 4, languages: 'en:4;nl:5' });
      const { rows } = await t.db.query(`SELECT count(*)::int AS n FROM users WHERE lower(email) = lower($1)`, [emails.sam]);
      expect(rows[0].n).toBe(1);
    });

    it('a changed file updates the profile; an empty maxConcurrent keeps the current value', async () => {
      const changed = [HEADER, `Sam Jansen,${emails.sam},staff,nl:5,,`, `Ana,${emails.ana},staff,es:5;pt:2,complaints:2,8`].join('\n');
      expect((await importCsv(changed).expect(200)).body).toMatchObject({ created: 0, updated: 2, errors: [] });
      expect(await stored(emails.sam)).toMatchObject({ name: 'Sam Jansen', max_concurrent: 4, languages: 'nl:5', skills: '' });
      expect(await stored(emails.ana)).toMatchObject({ max_concurrent: 8, languages: 'es:5;pt:2', skills: 'complaints:2' });
    });
  });

  describe('passwords', () => {
    const header = `${HEADER},password`;

    it('an imported account without a password cannot log in until a later import gives it one', async () => {
      const address = email('nopass');
      await importCsv(`${header}\nNo Pass,${address},staff,en:5,,,`).expect(200);
      await t.http().post('/api/v1/auth/login').send({ email: address, password: 'anything-at-all' }).expect(401);

      const second = await importCsv(`${header}\nNo Pass,${address},staff,en:5,,,given-later-secret`).expect(200);
      expect(second.body).toMatchObject({ created: 0, updated: 1, errors: [] });
      await login(t, address, 'given-later-secret');
    });

    it('a password sets the password of a new account but never replaces an existing one', async () => {
      const address = email('withpass');
      const created = await importCsv(`${header}\nWith Pass,${address},staff,en:5,,,first-password-1`).expect(200);
      expect(created.body).toMatchObject({ created: 1, updated: 0, errors: [] });
      await login(t, address, 'first-password-1');

      await importCsv(`${header}\nWith Pass,${address},staff,en:5,,,second-password-2`).expect(200);
      await login(t, address, 'first-password-1');
      await t.http().post('/api/v1/auth/login').send({ email: address, password: 'second-password-2' }).expect(401);
    });

    it('a short password is a line error that does not echo it', async () => {
      const response = await importCsv(`${header}\nShort Pass,${email('short')},staff,en:5,,,tiny`).expect(200);
      expect(response.body.errors).toEqual([{ line: 2, message: 'password: must be at least 10 characters' }]);
    });
  });

  it('refuses a row lowering maxConcurrent below the agent\'s load, keeping the others', async () => {
    const busy = await signedInAgent(t, adminToken, 'da', { maxConcurrent: 3 });
    await assignedConversation(t, busy, 'da');
    await assignedConversation(t, busy, 'da');
    expect(await openCount(t, busy.id)).toBe(2);
    const fresh = email('fresh');
    const response = await importCsv([HEADER, `Busy,${busy.email},staff,da:5,,1`, `Fresh,${fresh},staff,da:4,,`].join('\n')).expect(200);
    expect(response.body).toMatchObject({
      created: 1,
      updated: 0,
      applied: [{ line: 3, outcome: 'created' }],
      errors: [{ line: 2, message: "maxConcurrent 1 is below the agent's current load of 2 open conversations" }],
    });
    expect(await stored(busy.email)).toMatchObject({ name: 'Test Person', max_concurrent: 3 });
    expect(await stored(fresh)).toMatchObject({ name: 'Fresh', kind: 'staff' });
  });

  it('attaches imported volunteers to the incident whose surge is active', async () => {
    const incident = await createIncident(t, adminToken);
    await activateSurge(t, adminToken, incident.id);
    const address = email('volunteer');
    const response = await importCsv([HEADER, `Vol Unteer,${address},volunteer,fr:5;en:3,rebooking:2,2`].join('\n')).expect(200);
    expect(response.body).toMatchObject({ created: 1, updated: 0, errors: [] });
    expect(await stored(address)).toMatchObject({
      kind: 'volunteer',
      status: 'active',
      incident_id: incident.id,
      max_concurrent: 2,
      languages: 'en:3;fr:5',
      skills: 'rebooking:2',
    });
    await deactivateSurge(t, adminToken, incident.id);
    expect(await stored(address)).toMatchObject({ status: 'expired' });
  });

  it('answers 200 with nothing to do for a header alone', async () => {
    expect((await importCsv(`${HEADER}\r\n`).expect(200)).body).toMatchObject({ created: 0, updated: 0, applied: [], errors: [] });
  });

  it.each<[string, () => ReturnType<typeof importCsv>, string]>([
    ['an empty body', () => importCsv(''), 'the CSV body is empty'],
    ['no body at all', () => t.http().post('/api/v1/agents/import').set(as(adminToken)), 'text/csv'],
    ['a JSON body', () => t.http().post('/api/v1/agents/import').set(as(adminToken)).send({ name: 'Sam' }), 'text/csv'],
    ['JSON sent as text/csv', () => importCsv('{"name":"Sam","email":"sam@airline.test"}'), 'line 1 (header)'],
    ['prose', () => importCsv('Here is the roster you asked for.\nSam, Ana'), 'unknown column "Here is the roster you asked for."'],
    ['a header missing columns', () => importCsv('name,email\nSam,sam@airline.test'), 'missing column kind, languages, skills, maxConcurrent'],
    [
      'more than 2000 rows',
      () => importCsv([HEADER, ...Array.from({ length: 2001 }, (_, i) => `P${i},${email(`p${i}`)},staff,en:5,,`)].join('\n')),
      'at most 2000 per import',
    ],
  ])('answers 400 for %s', async (_case, send, message) => {
    const response = await send().expect(400);
    expect(response.body.message).toContain(message);
  });

  it('needs a token (401) and the admin role (403)', async () => {
    const agent = await createAccount(t, adminToken);
    const address = email('forbidden');
    const body = `${HEADER}\nNope,${address},staff,en:5,,`;
    await t.http().post('/api/v1/agents/import').set('Content-Type', 'text/csv').send(body).expect(401);
    await importCsv(body, manager.token).expect(403);
    await importCsv(body, agent.token).expect(403);
    expect(await stored(address)).toBeUndefined();
  });
});
