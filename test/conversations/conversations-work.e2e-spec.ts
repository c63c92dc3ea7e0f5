import { createAccount, loginAdmin, SignedInAccount } from '../factories/accounts';
import {
  assignedConversation,
  auth,
  languageAllocator,
  myConversations,
  openCount,
  passengerMessage,
  pollUntil,
  signedInAgent,
  waitForAssignment,
} from '../factories/conversations';
import { newMessage, signedIntake } from '../factories/intake';
import { startTestApp, TestApp } from '../support/test-app';

/** Agents at work: conversations routed through the real API, then answered, resolved and transferred. */
describe('conversations: agents at work', () => {
  let t: TestApp;
  let adminToken: string;
  let manager: SignedInAccount;
  const nextLanguage = languageAllocator();

  beforeAll(async () => {
    t = await startTestApp();
    adminToken = await loginAdmin(t);
    manager = await createAccount(t, adminToken, { role: 'incident_manager', languages: undefined });
  });
  afterAll(() => t.close());

  const post = (path: string, token: string, body?: object) => t.http().post(`/api/v1/conversations/${path}`).set(auth(token)).send(body);
  const detail = async (id: string, token = manager.token) =>
    (await t.http().get(`/api/v1/conversations/${id}`).set(auth(token)).expect(200)).body;
  const openAssignments = async (conversationId: string) =>
    (await t.db.query('SELECT agent_id FROM assignments WHERE conversation_id = $1 AND ended_at IS NULL', [conversationId])).rows;

  describe('GET /me/conversations', () => {
    it("lists the caller's open conversations oldest first, each with its messages", async () => {
      const language = nextLanguage();
      const agent = await signedInAgent(t, adminToken, language, { maxConcurrent: 3 });
      const newer = await assignedConversation(t, agent, language, { receivedAt: new Date(Date.now() - 10_000).toISOString() });
      const older = await assignedConversation(t, agent, language, { receivedAt: new Date(Date.now() - 60_000).toISOString() });
      // A follow-up from the same sender joins the open conversation.
      const followUp = newMessage({ language, from: older.body.from, text: 'Any news? Still waiting at gate B12.' });
      await signedIntake(t, followUp).expect(202);

      const mine = await pollUntil(
        () => myConversations(t, agent.token),
        (conversations) => conversations[0]?.messages.length === 2,
      );
      expect(mine.map((conversation) => conversation.id)).toEqual([older.conversationId, newer.conversationId]);
      expect(mine[0]).toEqual({
        id: older.conversationId,
        channel: 'twitter',
        handle: (older.body.from as { handle: string }).handle,
        fromName: 'Stranded Passenger',
        language,
        flightNumber: null,
        status: 'assigned',
        priority: 5,
        escalationStep: 0,
        receivedAt: older.body.receivedAt,
        assignedAgentId: agent.id,
        assignedAt: expect.any(String),
        firstResponseAt: null,
        resolvedAt: null,
        unroutable: null,
        messages: [
          {
            id: older.messageId,
            channel: 'twitter',
            externalId: older.body.externalId,
            text: older.body.text,
            language,
            receivedAt: older.body.receivedAt,
          },
          expect.objectContaining({ externalId: followUp.externalId, text: followUp.text }),
        ],
        replies: [],
      });
    });

    it("does not show another agent's conversations", async () => {
      const language = nextLanguage();
      const busy = await signedInAgent(t, adminToken, language);
      await assignedConversation(t, busy, language);
      const idle = await signedInAgent(t, adminToken, nextLanguage());
      expect(await myConversations(t, idle.token)).toEqual([]);
    });
  });

  describe('GET /conversations/:id', () => {
    it('explains the assignment: the decision, its candidates and why this agent', async () => {
      const language = nextLanguage();
      const agent = await signedInAgent(t, adminToken, language);
      const { conversationId } = await assignedConversation(t, agent, language);

      const body = await detail(conversationId);
      expect(body).toMatchObject({ id: conversationId, status: 'assigned', assignedAgentId: agent.id });
      expect(body.assignments).toEqual([
        { id: expect.any(String), agentId: agent.id, assignedAt: expect.any(String), endedAt: null, endReason: null, decisionId: body.decisions[0].id },
      ]);
      expect(body.decisions).toEqual([
        {
          id: expect.any(String),
          ruleId: null,
          ruleName: expect.any(String),
          ruleVersion: expect.any(Number),
          escalationStep: 0,
          strategy: 'least_loaded',
          requirements: expect.objectContaining({ languages: [language] }),
          candidates: [expect.objectContaining({ agentId: agent.id })],
          chosenAgentId: agent.id,
          reason: expect.any(String),
          createdAt: expect.any(String),
        },
      ]);
      expect(body.decisions[0].reason.length).toBeGreaterThan(0);
    });

    it('is readable by the assigned agent and an admin, not by another agent (403)', async () => {
      const language = nextLanguage();
      const agent = await signedInAgent(t, adminToken, language);
      const other = await signedInAgent(t, adminToken, nextLanguage());
      const { conversationId } = await assignedConversation(t, agent, language);

      expect((await detail(conversationId, agent.token)).id).toBe(conversationId);
      expect((await detail(conversationId, adminToken)).id).toBe(conversationId);
      const response = await t.http().get(`/api/v1/conversations/${conversationId}`).set(auth(other.token)).expect(403);
      expect(response.body.message).toMatch(/not assigned to you/);
    });
  });

  describe('GET /conversations filters on assignment', () => {
    it('finds conversations by status and by the agent holding them', async () => {
      const language = nextLanguage();
      const agent = await signedInAgent(t, adminToken, language);
      const held = await assignedConversation(t, agent, language);
      const done = await assignedConversation(t, agent, language);
      await post(`${done.conversationId}/resolve`, agent.token).expect(200);

      const list = async (query: string) =>
        ((await t.http().get(`/api/v1/conversations?${query}`).set(auth(manager.token)).expect(200)).body.items as { id: string }[]).map(
          (item) => item.id,
        );
      expect(await list(`agentId=${agent.id}&status=assigned`)).toEqual([held.conversationId]);
      expect(await list(`agentId=${agent.id}&status=resolved`)).toEqual([done.conversationId]);
      expect(await list(`agentId=${agent.id}`)).toEqual([held.conversationId, done.conversationId]);
      expect(await list(`language=${language}&status=queued`)).toEqual([]);
    });
  });

  describe('POST /conversations/:id/replies', () => {
    it('stores the reply, sets firstResponseAt once and delivers it through the outbound queue', async () => {
      const language = nextLanguage();
      const agent = await signedInAgent(t, adminToken, language);
      const { conversationId } = await assignedConversation(t, agent, language);

      const first = await post(`${conversationId}/replies`, agent.token, { text: 'We are rebooking you on KL1002.' }).expect(201);
      expect(first.body).toEqual({
        id: expect.any(String),
        kind: 'reply',
        agentId: agent.id,
        authorId: agent.id,
        templateId: null,
        text: 'We are rebooking you on KL1002.',
        deliveryStatus: 'pending',
        createdAt: expect.any(String),
      });
      const firstResponseAt = (await detail(conversationId)).firstResponseAt;
      expect(firstResponseAt).toBe(first.body.createdAt);

      await post(`${conversationId}/replies`, agent.token, { text: 'Your new boarding pass is on its way.' }).expect(201);
      const after = await detail(conversationId);
      expect(after.firstResponseAt).toBe(firstResponseAt);
      expect(after.replies.map((reply: { text: string }) => reply.text)).toEqual([
        'We are rebooking you on KL1002.',
        'Your new boarding pass is on its way.',
      ]);

      // No OUTBOUND_WEBHOOK_URL here: the default sender records the delivery.
      const delivered = await pollUntil(
        async () => (await t.db.query('SELECT delivery_status, delivery_attempts, delivered_at FROM replies WHERE id = $1', [first.body.id])).rows[0],
        (row) => row.delivery_status === 'delivered',
      );
      expect(delivered.delivery_attempts).toBe(1);
      expect(delivered.delivered_at).toBeInstanceOf(Date);

      const events = await t.db.query(`SELECT actor_id, payload FROM events WHERE type = 'conversation.replied' AND subject_id = $1`, [conversationId]);
      expect(events.rows).toHaveLength(2);
      expect(events.rows[0].actor_id).toBe(agent.id);
      expect(JSON.stringify(events.rows)).not.toContain('KL1002');
    });

    it('sets firstResponseAt exactly once under concurrent first replies', async () => {
      const language = nextLanguage();
      const agent = await signedInAgent(t, adminToken, language);
      const { conversationId } = await assignedConversation(t, agent, language);
      const responses = await Promise.all(
        [1, 2, 3, 4].map((n) => post(`${conversationId}/replies`, agent.token, { text: `reply ${n}` })),
      );
      expect(responses.map((response) => response.status)).toEqual([201, 201, 201, 201]);
      const { rows } = await t.db.query(
        `SELECT c.first_response_at = min(r.created_at) AS first_is_earliest, count(r.id)::int AS replies,
                count(e.id) FILTER (WHERE (e.payload->>'firstResponse')::boolean)::int AS first_flags
           FROM conversations c JOIN replies r ON r.conversation_id = c.id
           LEFT JOIN events e ON e.subject_id = c.id AND e.type = 'conversation.replied' AND e.payload->>'replyId' = r.id::text
          WHERE c.id = $1 GROUP BY c.id`,
        [conversationId],
      );
      expect(rows).toEqual([{ first_is_earliest: true, replies: 4, first_flags: 1 }]);
    });

    it("answers 403 to an agent the conversation is not assigned to, storing nothing", async () => {
      const language = nextLanguage();
      const agent = await signedInAgent(t, adminToken, language);
      const other = await signedInAgent(t, adminToken, nextLanguage());
      const { conversationId } = await assignedConversation(t, agent, language);
      await post(`${conversationId}/replies`, other.token, { text: 'not mine' }).expect(403);
      expect((await t.db.query('SELECT 1 FROM replies WHERE conversation_id = $1', [conversationId])).rowCount).toBe(0);
      expect((await detail(conversationId)).firstResponseAt).toBeNull();
    });
  });

  describe('POST /conversations/:id/resolve', () => {
    it('frees the capacity and routes the waiting work to the agent', async () => {
      const language = nextLanguage();
      const agent = await signedInAgent(t, adminToken, language, { maxConcurrent: 1 });
      const first = await assignedConversation(t, agent, language);
      const waiting = await passengerMessage(t, language);
      expect(await openCount(t, agent.id)).toBe(1);
      expect((await detail(waiting.conversationId)).status).toBe('queued');

      const resolved = await post(`${first.conversationId}/resolve`, agent.token).expect(200);
      expect(resolved.body).toMatchObject({
        id: first.conversationId,
        status: 'resolved',
        assignedAgentId: null,
        resolvedAt: expect.any(String),
      });
      const ended = await t.db.query('SELECT ended_at, end_reason FROM assignments WHERE conversation_id = $1', [first.conversationId]);
      expect(ended.rows).toEqual([{ ended_at: expect.any(Date), end_reason: 'resolved' }]);

      await waitForAssignment(t, agent, waiting.conversationId);
      expect(await openCount(t, agent.id)).toBe(1);
      await post(`${waiting.conversationId}/resolve`, manager.token).expect(200);
      expect(await openCount(t, agent.id)).toBe(0);
      expect(await myConversations(t, agent.token)).toEqual([]);
    });

    it('answers 409 when already resolved and 403 to another agent', async () => {
      const language = nextLanguage();
      const agent = await signedInAgent(t, adminToken, language);
      const other = await signedInAgent(t, adminToken, nextLanguage());
      const { conversationId } = await assignedConversation(t, agent, language);

      await post(`${conversationId}/resolve`, other.token).expect(403);
      expect(await openAssignments(conversationId)).toEqual([{ agent_id: agent.id }]);
      await post(`${conversationId}/resolve`, agent.token).expect(200);
      const again = await post(`${conversationId}/resolve`, agent.token).expect(409);
      expect(again.body.message).toMatch(/already resolved/);
      await post(`${conversationId}/replies`, agent.token, { text: 'late' }).expect(403);
    });

    it('resolves once when the agent and a manager race, and open_count stays exact', async () => {
      const language = nextLanguage();
      const agent = await signedInAgent(t, adminToken, language);
      const { conversationId } = await assignedConversation(t, agent, language);
      const statuses = (
        await Promise.all([agent.token, manager.token, agent.token].map((token) => post(`${conversationId}/resolve`, token)))
      ).map((response) => response.status);
      expect(statuses.sort()).toEqual([200, 409, 409]);
      const { rows } = await t.db.query(
        `SELECT a.open_count, (SELECT count(*)::int FROM assignments WHERE agent_id = a.user_id AND ended_at IS NULL) AS open
           FROM agents a WHERE a.user_id = $1`,
        [agent.id],
      );
      expect(rows).toEqual([{ open_count: 0, open: 0 }]);
    });
  });

  describe('POST /conversations/:id/transfer', () => {
    it('queues it again and never gives it back to the same agent', async () => {
      const language = nextLanguage();
      const agent = await signedInAgent(t, adminToken, language);
      const { conversationId } = await assignedConversation(t, agent, language);
      // A busier colleague: least_loaded would pick the first agent again, were it not excluded.
      const second = nextLanguage();
      const colleague = await signedInAgent(t, adminToken, language, { languages: [{ code: language, level: 5 }, { code: second, level: 5 }] });
      await assignedConversation(t, colleague, second);

      const response = await post(`${conversationId}/transfer`, agent.token, { note: 'Needs someone from the Schiphol desk' }).expect(200);
      expect(response.body).toMatchObject({ id: conversationId, status: 'queued', assignedAgentId: null, assignedAt: null });

      await waitForAssignment(t, colleague, conversationId);
      expect(await openCount(t, agent.id)).toBe(0);
      const exclusions = await t.db.query('SELECT agent_id, reason FROM conversation_exclusions WHERE conversation_id = $1', [conversationId]);
      expect(exclusions.rows).toEqual([{ agent_id: agent.id, reason: 'transferred' }]);
      const body = await detail(conversationId);
      expect(body.assignments.map((a: { agentId: string; endReason: string | null }) => [a.agentId, a.endReason])).toEqual([
        [agent.id, 'transferred'],
        [colleague.id, null],
      ]);
      expect(body.decisions[1].candidates.map((c: { agentId: string }) => c.agentId)).not.toContain(agent.id);
      expect(await myConversations(t, agent.token)).toEqual([]);

      const events = await t.db.query(`SELECT actor_id, payload FROM events WHERE type = 'conversation.transferred' AND subject_id = $1`, [conversationId]);
      expect(events.rows).toEqual([{ actor_id: agent.id, payload: { fromAgentId: agent.id, requirements: {} } }]);
      expect(JSON.stringify(events.rows)).not.toContain('Schiphol');
    });

    it('routes with the new language and skills', async () => {
      const language = nextLanguage();
      const target = nextLanguage();
      const agent = await signedInAgent(t, adminToken, language);
      const { conversationId } = await assignedConversation(t, agent, language);
      const unskilled = await signedInAgent(t, adminToken, target, { skills: [{ name: 'refunds', level: 2 }] });
      const specialist = await signedInAgent(t, adminToken, target, { skills: [{ name: 'refunds', level: 4 }] });

      await post(`${conversationId}/transfer`, manager.token, { language: target, requiredSkills: [{ name: 'refunds', minLevel: 3 }] }).expect(200);
      await waitForAssignment(t, specialist, conversationId);
      expect(await myConversations(t, unskilled.token)).toEqual([]);
      const decision = (await detail(conversationId)).decisions[1];
      expect(decision.requirements).toMatchObject({ languages: [target], requiredSkills: [{ name: 'refunds', minLevel: 3 }] });
    });

    it('answers 403 to another agent, and to the agent once it is no longer theirs, without naming its state', async () => {
      const language = nextLanguage();
      const agent = await signedInAgent(t, adminToken, language);
      const other = await signedInAgent(t, adminToken, nextLanguage());
      const { conversationId } = await assignedConversation(t, agent, language);

      await post(`${conversationId}/transfer`, other.token, {}).expect(403);
      expect(await openAssignments(conversationId)).toEqual([{ agent_id: agent.id }]);
      await post(`${conversationId}/transfer`, agent.token, {}).expect(200);
      const again = await post(`${conversationId}/transfer`, agent.token, {}).expect(403);
      expect(again.body.message).toBe(`conversation ${conversationId} is not assigned to you`);
      const byManager = await post(`${conversationId}/transfer`, manager.token, {}).expect(409);
      expect(byManager.body.message).toMatch(/queued/);
    });

    it('lets only one of a racing transfer and resolve through', async () => {
      const language = nextLanguage();
      const agent = await signedInAgent(t, adminToken, language);
      const { conversationId } = await assignedConversation(t, agent, language);
      const [transfer, resolve] = await Promise.all([
        post(`${conversationId}/transfer`, manager.token, {}),
        post(`${conversationId}/resolve`, agent.token),
      ]);
      // Resolve first: nothing left to transfer (409). Transfer first: the agent no longer holds it (403).
      expect([transfer.status, resolve.status]).toEqual(resolve.status === 200 ? [409, 200] : [200, 403]);
      // Whatever won, no assignment stays open unexplained and the agent's count matches its open assignments.
      const { rows } = await t.db.query(
        `SELECT c.status, (SELECT count(*)::int FROM assignments WHERE conversation_id = c.id AND ended_at IS NULL) AS open,
                (SELECT open_count FROM agents WHERE user_id = $2) AS open_count
           FROM conversations c WHERE c.id = $1`,
        [conversationId, agent.id],
      );
      expect(rows[0].open).toBe(0);
      expect(rows[0].open_count).toBe(0);
      expect(['queued', 'resolved']).toContain(rows[0].status);
    });
  });
});
