import { createAccount, loginAdmin, SignedInAccount } from '../factories/accounts';
import { assignedConversation, auth, languageAllocator, passengerMessage, signedInAgent } from '../factories/conversations';
import { startTestApp, TestApp } from '../support/test-app';

const MISSING = '00000000-0000-4000-8000-000000000000';

describe('conversations: notes, the transfer note and passenger history', () => {
  let t: TestApp;
  let adminToken: string;
  let manager: SignedInAccount;
  const nextLanguage = languageAllocator();

  beforeAll(async () => {
    t = await startTestApp();
    adminToken = await loginAdmin(t);
    manager = await createAccount(t, adminToken, { role: 'incident_manager', languages: undefined, name: 'Mia Manager' });
  });
  afterAll(() => t.close());

  const note = (id: string, token: string, body: object) => t.http().post(`/api/v1/conversations/${id}/notes`).set(auth(token)).send(body);
  const detail = async (id: string) => (await t.http().get(`/api/v1/conversations/${id}`).set(auth(manager.token)).expect(200)).body;

  it('the assigned agent and a manager add notes; GET /conversations/:id lists them; the passenger gets nothing', async () => {
    const language = nextLanguage();
    const agent = await signedInAgent(t, adminToken, language, { name: 'Ada Lovelace' });
    const { conversationId } = await assignedConversation(t, agent, language);

    const byAgent = await note(conversationId, agent.token, { text: 'Passenger needs a wheelchair at the gate' }).expect(201);
    expect(byAgent.body).toEqual({
      id: expect.any(String),
      author: { id: agent.id, name: 'Ada Lovelace' },
      text: 'Passenger needs a wheelchair at the gate',
      createdAt: expect.any(String),
    });
    await note(conversationId, manager.token, { text: 'Rebook on the morning flight' }).expect(201);

    const view = await detail(conversationId);
    expect(view.notes.map((n: { text: string }) => n.text)).toEqual(['Passenger needs a wheelchair at the gate', 'Rebook on the morning flight']);
    expect(view.replies).toEqual([]);
    const replies = await t.db.query('SELECT count(*)::int AS n FROM replies WHERE conversation_id = $1', [conversationId]);
    expect(replies.rows[0].n).toBe(0);
  });

  it('400 naming text; 401; 403 for another agent; 404 for an unknown conversation', async () => {
    const language = nextLanguage();
    const agent = await signedInAgent(t, adminToken, language);
    const other = await createAccount(t, adminToken);
    const { conversationId } = await assignedConversation(t, agent, language);
    for (const body of [{}, { text: '' }, { text: 'x'.repeat(5001) }, { text: 7 }]) {
      expect(JSON.stringify((await note(conversationId, agent.token, body).expect(400)).body.message)).toContain('text');
    }
    await t.http().post(`/api/v1/conversations/${conversationId}/notes`).send({ text: 'hi' }).expect(401);
    await note(conversationId, other.token, { text: 'hi' }).expect(403);
    await note(MISSING, manager.token, { text: 'hi' }).expect(404);
  });

  it("a transfer's note is stored as a note by whoever transferred", async () => {
    const language = nextLanguage();
    const agent = await signedInAgent(t, adminToken, language, { name: 'Grace Hopper' });
    const { conversationId } = await assignedConversation(t, agent, language);
    await t
      .http()
      .post(`/api/v1/conversations/${conversationId}/transfer`)
      .set(auth(agent.token))
      .send({ language: 'de', note: 'Speaks German only, asked twice about refunds' })
      .expect(200);
    const view = await detail(conversationId);
    expect(view.notes).toEqual([
      expect.objectContaining({ author: { id: agent.id, name: 'Grace Hopper' }, text: 'Speaks German only, asked twice about refunds' }),
    ]);
  });

  it('previousConversations: earlier conversations of the same sender, newest first, with the agent who held them', async () => {
    const language = nextLanguage();
    const agent = await signedInAgent(t, adminToken, language, { name: 'Alan Turing', maxConcurrent: 5 });
    const from = { handle: `@history_${language}`, name: 'Sam' };
    const first = await assignedConversation(t, agent, language, { from, receivedAt: new Date(Date.now() - 300_000).toISOString() });
    await t.http().post(`/api/v1/conversations/${first.conversationId}/resolve`).set(auth(agent.token)).expect(200);
    const second = await assignedConversation(t, agent, language, { from, receivedAt: new Date(Date.now() - 200_000).toISOString() });
    await t.http().post(`/api/v1/conversations/${second.conversationId}/resolve`).set(auth(agent.token)).expect(200);
    const third = await passengerMessage(t, language, { from });
    // Another sender's conversation is not history.
    await passengerMessage(t, language);

    const view = await detail(third.conversationId);
    expect(view.previousConversations).toEqual([
      { id: second.conversationId, status: 'resolved', receivedAt: expect.any(String), resolvedAt: expect.any(String), agentName: 'Alan Turing' },
      { id: first.conversationId, status: 'resolved', receivedAt: expect.any(String), resolvedAt: expect.any(String), agentName: 'Alan Turing' },
    ]);
    expect((await detail(first.conversationId)).previousConversations).toEqual([]);
  });
});
