import { randomUUID } from 'crypto';
import { createAccount, loginAdmin, SignedInAccount } from '../factories/accounts';
import { auth, languageAllocator, passengerMessage } from '../factories/conversations';
import { startTestApp, TestApp } from '../support/test-app';

/** Everything that does not need an assignment: auth, roles, validation, 404s, list filters, queued-state conflicts. */
describe('conversations: access, validation and the manager list', () => {
  let t: TestApp;
  let adminToken: string;
  let manager: SignedInAccount;
  let agent: SignedInAccount;
  const nextLanguage = languageAllocator();

  beforeAll(async () => {
    t = await startTestApp();
    adminToken = await loginAdmin(t);
    manager = await createAccount(t, adminToken, { role: 'incident_manager', languages: undefined });
    // Signed out: routing never gives it work, so every conversation here stays queued.
    agent = await createAccount(t, adminToken);
  });
  afterAll(() => t.close());

  const unknownId = randomUUID();

  describe('401 without a token', () => {
    it.each([
      ['get', '/api/v1/me/conversations'],
      ['get', '/api/v1/conversations'],
      ['get', `/api/v1/conversations/${unknownId}`],
      ['post', `/api/v1/conversations/${unknownId}/replies`],
      ['post', `/api/v1/conversations/${unknownId}/resolve`],
      ['post', `/api/v1/conversations/${unknownId}/transfer`],
    ] as const)('%s %s', async (method, path) => {
      const response = await t.http()[method](path).expect(401);
      expect(response.body).toMatchObject({ statusCode: 401, error: 'Unauthorized' });
    });

    it('rejects an invalid token', async () => {
      await t.http().get('/api/v1/conversations').set(auth('not-a-token')).expect(401);
    });
  });

  describe('403 for a wrong role', () => {
    const tokenOf = (who: string) => (who === 'admin' ? adminToken : who === 'manager' ? manager.token : agent.token);

    it.each([
      ['admin', 'get', '/api/v1/me/conversations'],
      ['manager', 'get', '/api/v1/me/conversations'],
      ['agent', 'get', '/api/v1/conversations'],
      ['admin', 'post', `/api/v1/conversations/${unknownId}/replies`],
      ['manager', 'post', `/api/v1/conversations/${unknownId}/replies`],
    ] as const)('%s: %s %s', async (who, method, path) => {
      const request = t.http()[method](path).set(auth(tokenOf(who)));
      const response = await (method === 'post' ? request.send({ text: 'hello' }) : request).expect(403);
      expect(response.body.message).toMatch(/role/);
    });
  });

  describe('404 for an unknown conversation', () => {
    it('GET /conversations/:id', async () => {
      const response = await t.http().get(`/api/v1/conversations/${unknownId}`).set(auth(manager.token)).expect(404);
      expect(response.body.message).toContain(unknownId);
    });

    it.each([
      ['replies', () => agent.token, { text: 'hello' }],
      ['resolve', () => manager.token, undefined],
      ['transfer', () => manager.token, {}],
    ] as const)('POST /conversations/:id/%s', async (action, token, body) => {
      await t.http().post(`/api/v1/conversations/${unknownId}/${action}`).set(auth(token())).send(body).expect(404);
    });
  });

  describe('400 naming the field', () => {
    it.each([
      ['get', '/api/v1/conversations/not-a-uuid'],
      ['post', '/api/v1/conversations/not-a-uuid/resolve'],
      ['post', '/api/v1/conversations/not-a-uuid/transfer'],
    ] as const)('%s %s: id', async (method, path) => {
      const response = await t.http()[method](path).set(auth(manager.token)).send({}).expect(400);
      expect(response.body.message).toBe('id must be a UUID');
    });

    it.each([
      ['status', 'status=open'],
      ['language', 'language=english'],
      ['channel', 'channel=fax'],
      ['agentId', 'agentId=42'],
      ['limit', 'limit=0'],
      ['limit', 'limit=501'],
      ['cursor', 'cursor=garbage'],
      ['cursor', `cursor=${Buffer.from(JSON.stringify(['yesterday', 'x'])).toString('base64url')}`],
      ['sort', 'sort=desc'],
    ])('GET /conversations: %s (%s)', async (field, query) => {
      const response = await t.http().get(`/api/v1/conversations?${query}`).set(auth(manager.token)).expect(400);
      expect(response.body.message).toMatch(new RegExp(`^${field}`));
    });

    it.each([
      ['text (missing)', {}, /^text /],
      ['text (empty)', { text: '' }, /^text /],
      ['text (over 5000 characters)', { text: 'a'.repeat(5001) }, /^text /],
      ['text (not a string)', { text: 42 }, /^text /],
      ['an unknown field', { text: 'hi', html: '<b>hi</b>' }, /html/],
    ])('POST /conversations/:id/replies: %s', async (_, body, message) => {
      const response = await t.http().post(`/api/v1/conversations/${unknownId}/replies`).set(auth(agent.token)).send(body).expect(400);
      expect(response.body.message).toMatch(message);
    });

    it.each([
      ['language', { language: 'xx' }, /^language /],
      ['requiredSkills (not an array)', { requiredSkills: 'refunds' }, /^requiredSkills /],
      ['requiredSkills.name', { requiredSkills: [{ name: 'Refunds!', minLevel: 2 }] }, /^requiredSkills\.0\.name /],
      ['requiredSkills.minLevel', { requiredSkills: [{ name: 'refunds', minLevel: 6 }] }, /^requiredSkills\.0\.minLevel /],
      ['requiredSkills (repeated)', { requiredSkills: [{ name: 'refunds', minLevel: 1 }, { name: 'refunds', minLevel: 2 }] }, /^requiredSkills /],
      ['note (over 1000 characters)', { note: 'n'.repeat(1001) }, /^note /],
      ['an unknown field', { agentId: randomUUID() }, /agentId/],
    ])('POST /conversations/:id/transfer: %s', async (_, body, message) => {
      const response = await t.http().post(`/api/v1/conversations/${unknownId}/transfer`).set(auth(manager.token)).send(body).expect(400);
      expect(response.body.message).toMatch(message);
    });
  });

  describe('GET /me/conversations', () => {
    it('is empty for an agent holding nothing', async () => {
      await passengerMessage(t, nextLanguage());
      const response = await t.http().get('/api/v1/me/conversations').set(auth(agent.token)).expect(200);
      expect(response.body).toEqual([]);
    });
  });

  describe('GET /conversations', () => {
    const list = async (query: string, token = manager.token) =>
      (await t.http().get(`/api/v1/conversations?${query}`).set(auth(token)).expect(200)).body as {
        items: Record<string, unknown>[];
        nextCursor: string | null;
      };

    it('lists summaries filtered by language and channel, oldest first', async () => {
      const language = nextLanguage();
      const newer = await passengerMessage(t, language, { channel: 'email', flightNumber: 'KL1234' }, 10);
      const older = await passengerMessage(t, language, { channel: 'email' }, 20);
      const other = await passengerMessage(t, language, { channel: 'sms' }, 15);

      const page = await list(`language=${language}&channel=email`);
      expect(page.items.map((item) => item.id)).toEqual([older.conversationId, newer.conversationId]);
      expect(page.nextCursor).toBeNull();
      // Nobody speaks the language: the unroutable pass may have flagged it by now.
      const { unroutable, ...summary } = page.items[1];
      expect([null, `no agent speaks ${language} at level 1`]).toContain((unroutable as { reason: string } | null)?.reason ?? null);
      expect(summary).toEqual({
        id: newer.conversationId,
        channel: 'email',
        handle: (newer.body.from as { handle: string }).handle,
        fromName: 'Stranded Passenger',
        language,
        flightNumber: 'KL1234',
        status: 'queued',
        priority: 5,
        escalationStep: 0,
        receivedAt: newer.body.receivedAt,
        assignedAgentId: null,
        assignedAt: null,
        firstResponseAt: null,
        resolvedAt: null,
      });
      expect((await list(`language=${language}&channel=sms`)).items.map((item) => item.id)).toEqual([other.conversationId]);
      expect((await list(`language=${language}&status=queued`)).items).toHaveLength(3);
      expect((await list(`language=${language}&status=assigned`)).items).toHaveLength(0);
    });

    it('is open to admins', async () => {
      const language = nextLanguage();
      const message = await passengerMessage(t, language);
      expect((await list(`language=${language}`, adminToken)).items.map((item) => item.id)).toEqual([message.conversationId]);
    });

    it('pages with a keyset cursor: every conversation once, in order', async () => {
      const language = nextLanguage();
      const created: string[] = [];
      // Oldest first: ages 50, 40, ... 10 seconds.
      for (const age of [50, 40, 30, 20, 10]) created.push((await passengerMessage(t, language, {}, age)).conversationId);

      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page = await list(`language=${language}&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
        expect(page.items.length).toBeLessThanOrEqual(2);
        seen.push(...page.items.map((item) => item.id as string));
        cursor = page.nextCursor;
        pages++;
      } while (cursor && pages < 10);
      expect(pages).toBe(3);
      expect(seen).toEqual(created);
    });

    it('keeps microsecond receive times apart across pages', async () => {
      const language = nextLanguage();
      // No receivedAt: intake stamps now(), with microseconds a millisecond cursor would cut.
      const ids: string[] = [];
      for (let i = 0; i < 3; i++) {
        const response = await passengerMessage(t, language, { receivedAt: undefined });
        ids.push(response.conversationId);
      }
      const first = await list(`language=${language}&limit=1`);
      const second = await list(`language=${language}&limit=1&cursor=${first.nextCursor}`);
      const third = await list(`language=${language}&limit=1&cursor=${second.nextCursor}`);
      expect([...first.items, ...second.items, ...third.items].map((item) => item.id)).toEqual(ids);
      expect(third.nextCursor).toBeNull();
    });

    it('filters by agentId (nothing for an agent holding nothing)', async () => {
      expect((await list(`agentId=${agent.id}`)).items).toEqual([]);
    });
  });

  describe('a queued conversation', () => {
    it('shows the manager its detail with no assignment or decision yet', async () => {
      const message = await passengerMessage(t, nextLanguage());
      const response = await t.http().get(`/api/v1/conversations/${message.conversationId}`).set(auth(manager.token)).expect(200);
      expect(response.body).toMatchObject({
        id: message.conversationId,
        status: 'queued',
        messages: [
          {
            id: message.messageId,
            channel: 'twitter',
            externalId: message.body.externalId,
            text: message.body.text,
            language: message.body.language,
            receivedAt: message.body.receivedAt,
          },
        ],
        replies: [],
        assignments: [],
        decisions: [],
      });
    });

    it('is not an agent’s to read, answer or resolve (403)', async () => {
      const { conversationId } = await passengerMessage(t, nextLanguage());
      await t.http().get(`/api/v1/conversations/${conversationId}`).set(auth(agent.token)).expect(403);
      const reply = await t.http().post(`/api/v1/conversations/${conversationId}/replies`).set(auth(agent.token)).send({ text: 'hi' }).expect(403);
      expect(reply.body.message).toMatch(/not assigned to you/);
      await t.http().post(`/api/v1/conversations/${conversationId}/resolve`).set(auth(agent.token)).expect(403);
      const replies = await t.db.query('SELECT 1 FROM replies WHERE conversation_id = $1', [conversationId]);
      expect(replies.rowCount).toBe(0);
    });

    it('cannot be transferred: 409 naming its state to a manager, 403 (and no state) to an agent', async () => {
      const { conversationId } = await passengerMessage(t, nextLanguage());
      const byManager = await t.http().post(`/api/v1/conversations/${conversationId}/transfer`).set(auth(manager.token)).send({}).expect(409);
      expect(byManager.body.message).toMatch(/queued; only an assigned conversation can be transferred/);
      const byAgent = await t.http().post(`/api/v1/conversations/${conversationId}/transfer`).set(auth(agent.token)).send({}).expect(403);
      expect(byAgent.body.message).toBe(`conversation ${conversationId} is not assigned to you`);
    });

    it('can be resolved by a manager, once (then 409 for resolve and transfer)', async () => {
      const { conversationId } = await passengerMessage(t, nextLanguage());
      const resolved = await t.http().post(`/api/v1/conversations/${conversationId}/resolve`).set(auth(manager.token)).expect(200);
      expect(resolved.body).toMatchObject({ id: conversationId, status: 'resolved', assignedAgentId: null, resolvedAt: expect.any(String) });

      const again = await t.http().post(`/api/v1/conversations/${conversationId}/resolve`).set(auth(adminToken)).expect(409);
      expect(again.body.message).toMatch(/already resolved/);
      const transfer = await t.http().post(`/api/v1/conversations/${conversationId}/transfer`).set(auth(manager.token)).send({}).expect(409);
      expect(transfer.body.message).toMatch(/resolved/);

      const events = await t.db.query(`SELECT actor_id FROM events WHERE type = 'conversation.resolved' AND subject_id = $1`, [conversationId]);
      expect(events.rows).toEqual([{ actor_id: manager.id }]);
    });

    it('lets concurrent resolves through exactly once', async () => {
      const { conversationId } = await passengerMessage(t, nextLanguage());
      const path = `/api/v1/conversations/${conversationId}/resolve`;
      const statuses = (
        await Promise.all([manager.token, adminToken, manager.token].map((token) => t.http().post(path).set(auth(token))))
      ).map((response) => response.status);
      expect(statuses.sort()).toEqual([200, 409, 409]);
      const events = await t.db.query(`SELECT 1 FROM events WHERE type = 'conversation.resolved' AND subject_id = $1`, [conversationId]);
      expect(events.rowCount).toBe(1);
    });
  });
});
