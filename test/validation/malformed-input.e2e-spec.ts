import { randomUUID } from 'crypto';
import { createAccount, loginAdmin, newUserBody, SignedInAccount, uniqueEmail } from '../factories/accounts';
import { assignedConversation, auth, signedInAgent } from '../factories/conversations';
import { newEnrollBody } from '../factories/incidents';
import { newMessage, signedIntake } from '../factories/intake';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * The malformed requests of issue 14 that were answered 500: each is now a 4xx that names the field,
 * refused by the validation layer before any use case or SQL sees it.
 */
describe('malformed input is refused at the validation layer', () => {
  let t: TestApp;
  let adminToken: string;
  let agent: SignedInAccount;

  beforeAll(async () => {
    t = await startTestApp();
    adminToken = await loginAdmin(t);
    agent = await signedInAgent(t, adminToken, 'en');
  });
  afterAll(() => t.close());

  const post = (path: string, token?: string) => {
    const request = t.http().post(`/api/v1${path}`);
    return token ? request.set(auth(token)) : request;
  };
  const deepArray = '['.repeat(20_000) + ']'.repeat(20_000);

  describe('deep nesting and size', () => {
    it.each([
      ['/auth/login', undefined],
      ['/volunteers/enroll', undefined],
      ['/users', 'admin'],
      ['/routing/rules', 'admin'],
    ])('a 40 KB [[[…]]] to %s is a 400, not a stack overflow', async (path, who) => {
      const response = await post(path, who ? adminToken : undefined).set('Content-Type', 'application/json').send(deepArray).expect(400);
      expect(response.body.message).toBe('body is nested more than 12 levels deep');
    });

    it('names the field whose value nests too deeply', async () => {
      const deep = JSON.parse('{"x":'.repeat(30) + '1' + '}'.repeat(30));
      const response = await post('/users', adminToken).send(newUserBody({ name: deep })).expect(400);
      expect(response.body.message).toBe('name is nested more than 12 levels deep');
    });

    it('a body past the size limit is a 413', async () => {
      const response = await post('/auth/login').send({ email: 'sam@airline.test', password: 'x'.repeat(200_000) }).expect(413);
      expect(response.body).toMatchObject({ statusCode: 413, error: 'Payload Too Large' });
    });
  });

  describe('NUL characters and lone surrogates', () => {
    it.each([
      ['name', { name: 'Sam\u0000Jansen' }, 'name must not contain a NUL character'],
      ['a nested language code', { languages: [{ code: 'en', level: 5 }, { code: 'n\u0000l', level: 3 }] }, 'languages.1.code must not contain a NUL character'],
      ['a lone surrogate in the email', { email: 'sam\ud800@airline.test' }, 'email must not contain an unpaired UTF-16 surrogate'],
      ['a field name', { 'na\u0000me': 'Sam' }, 'body field names must not contain a NUL character'],
    ])('POST /users with %s → 400 naming it', async (_case, overrides, message) => {
      const response = await post('/users', adminToken).send(newUserBody(overrides)).expect(400);
      expect(response.body.message).toBe(message);
    });

    it('a lone surrogate in the email of a log-in is a 400, not a URIError', async () => {
      const response = await post('/auth/login').send({ email: '\ud800sam@airline.test', password: 'correct-horse-battery' }).expect(400);
      expect(response.body.message).toBe('email must not contain an unpaired UTF-16 surrogate');
    });

    it('a NUL in an incident description is a 400, not Postgres 22021', async () => {
      const response = await post('/incidents', adminToken).send({ name: 'Ash cloud', description: 'closed\u0000' }).expect(400);
      expect(response.body.message).toBe('description must not contain a NUL character');
    });

    it('a NUL in a signed intake message is a 400 and stores nothing', async () => {
      const handle = `@sam-${randomUUID()}`;
      const response = await signedIntake(t, newMessage({ externalId: 'ext-\u0000', from: { handle, name: 'Sam\u0000' } })).expect(400);
      expect(response.body.message).toBe('externalId must not contain a NUL character');
      const { rows } = await t.db.query(`SELECT count(*)::int AS n FROM conversations WHERE handle = $1`, [handle]);
      expect(rows[0].n).toBe(0);
    });

    it('a NUL in a query filter is a 400 naming it', async () => {
      const response = await t.http().get('/api/v1/agents?skill=a%00b').set(auth(adminToken)).expect(400);
      expect(response.body.message).toBe('skill must not contain a NUL character');
    });
  });

  describe('nested arrays and nulls where objects are expected', () => {
    it.each([
      ['[[[]]]', [[[]]]],
      ['[null]', [null]],
      ['["en"]', ['en']],
    ])('languages %s on POST /users → 400', async (_case, languages) => {
      const response = await post('/users', adminToken).send(newUserBody({ languages })).expect(400);
      expect(response.body.message).toContain('each value in languages must be an object');
    });

    it('languages [[[]]] on POST /volunteers/enroll → 400 before the invite code is looked at', async () => {
      const response = await post('/volunteers/enroll').send(newEnrollBody('NOSUCHCODE', { languages: [[[]]] })).expect(400);
      expect(response.body.message).toContain('each value in languages must be an object');
    });

    it.each([
      ['requiredSkills null', { requiredSkills: null }, 'requiredSkills'],
      ['requiredSkills [[]]', { requiredSkills: [[]] }, 'each value in requiredSkills must be an object'],
      ['language null', { language: null }, 'language must be an ISO 639-1 language code'],
    ])('a transfer with %s → 400, the conversation untouched', async (_case, body, message) => {
      const { conversationId } = await assignedConversation(t, agent, 'en');
      const response = await post(`/conversations/${conversationId}/transfer`, agent.token).send(body).expect(400);
      expect(response.body.message).toContain(message);
      const { rows } = await t.db.query('SELECT status, assigned_agent_id FROM conversations WHERE id = $1', [conversationId]);
      expect(rows[0]).toEqual({ status: 'assigned', assigned_agent_id: agent.id });
      await post(`/conversations/${conversationId}/resolve`, agent.token).expect(200);
    });

    it('null for an optional list of a new user → 400', async () => {
      const response = await post('/users', adminToken).send(newUserBody({ skills: null })).expect(400);
      expect(response.body.message).toContain('skills must be an array');
    });
  });

  describe('forged list cursors', () => {
    const forged = 'WyJ4IiwieSJd'; // ["x","y"]
    const pastYearZero = Buffer.from(JSON.stringify(['0000-01-01T00:00:00Z', randomUUID()])).toString('base64url');
    const bigintOverflow = Buffer.from(JSON.stringify(['9223372036854775808', '9223372036854775808'])).toString('base64url');

    it.each(['/shifts', '/incidents', '/agents', '/conversations', '/events', '/stats/agents'])('%s?cursor=["x","y"] → 400', async (path) => {
      const response = await t.http().get(`/api/v1${path}?cursor=${forged}`).set(auth(adminToken)).expect(400);
      expect(response.body.message).toBe('cursor is not a cursor this list returned');
    });

    it.each([
      ['/shifts', pastYearZero],
      ['/incidents', pastYearZero],
      ['/events', bigintOverflow],
    ])('%s with a well-formed cursor Postgres cannot read → 400', async (path, cursor) => {
      const response = await t.http().get(`/api/v1${path}?cursor=${cursor}`).set(auth(adminToken)).expect(400);
      expect(response.body.message).toBe('cursor is not a cursor this list returned');
    });

    it('an agent gets the same 400 on /shifts', async () => {
      await t.http().get(`/api/v1/shifts?cursor=${forged}`).set(auth(agent.token)).expect(400);
    });
  });

  describe('whitespace-only names', () => {
    it.each([
      ['/users', () => newUserBody({ name: '   ' })],
      ['/incidents', () => ({ name: '\t\n' })],
    ])('POST %s with a blank name → 400', async (path, body) => {
      const response = await post(path, adminToken).send(body()).expect(400);
      expect(response.body.message).toBe('name must not be blank');
    });

    it('POST /volunteers/enroll with a blank name → 400', async () => {
      const response = await post('/volunteers/enroll').send(newEnrollBody('NOSUCHCODE', { name: ' \u00a0 ' })).expect(400);
      expect(response.body.message).toBe('name must not be blank');
    });

    it('PATCH /agents/:id with a blank name → 400, the name unchanged', async () => {
      const other = await createAccount(t, adminToken, { name: 'Kept Name' });
      const response = await t.http().patch(`/api/v1/agents/${other.id}`).set(auth(adminToken)).send({ name: '  ' }).expect(400);
      expect(response.body.message).toBe('name must not be blank');
      expect((await t.db.query('SELECT name FROM users WHERE id = $1', [other.id])).rows[0].name).toBe('Kept Name');
    });
  });

  describe('the CSV import', () => {
    const HEADER = 'name,email,kind,languages,skills,maxConcurrent';

    it('reports a NUL row by line and column, applies the rows around it and says which', async () => {
      const [first, bad, last] = [uniqueEmail('csv'), uniqueEmail('csv'), uniqueEmail('csv')];
      const csv = [HEADER, `First,${first},staff,en:5,,`, `Bad\u0000Name,${bad},staff,en:5,,`, `Last,${last},staff,nl:4,,2`].join('\n');
      const response = await post('/agents/import', adminToken).set('Content-Type', 'text/csv').send(csv).expect(200);

      const ids = await t.db.query<{ id: string; email: string }>('SELECT id, email FROM users WHERE email = ANY($1)', [[first, bad, last]]);
      const idOf = (address: string) => ids.rows.find((row) => row.email === address)?.id;
      expect(response.body).toEqual({
        created: 2,
        updated: 0,
        applied: [
          { line: 2, agentId: idOf(first), outcome: 'created' },
          { line: 4, agentId: idOf(last), outcome: 'created' },
        ],
        errors: [{ line: 3, message: 'name: must not contain a NUL character' }],
      });
      expect(idOf(bad)).toBeUndefined();
    });
  });

  describe('permission before state', () => {
    it('an agent resolving a resolved conversation it never held gets 403; its holder 409', async () => {
      const other = await signedInAgent(t, adminToken, 'nl');
      const { conversationId } = await assignedConversation(t, agent, 'en');
      await post(`/conversations/${conversationId}/resolve`, agent.token).expect(200);

      const stranger = await post(`/conversations/${conversationId}/resolve`, other.token).expect(403);
      expect(stranger.body.message).toBe(`conversation ${conversationId} is not assigned to you`);
      const strangerTransfer = await post(`/conversations/${conversationId}/transfer`, other.token).send({}).expect(403);
      expect(strangerTransfer.body.message).not.toMatch(/resolved/);
      const holder = await post(`/conversations/${conversationId}/resolve`, agent.token).expect(409);
      expect(holder.body.message).toMatch(/already resolved/);
    });
  });
});
