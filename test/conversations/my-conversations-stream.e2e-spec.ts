import { createAccount, loginAdmin, SignedInAccount } from '../factories/accounts';
import { assignedConversation, auth, languageAllocator, passengerMessage, signedInAgent } from '../factories/conversations';
import { EventStream, openEventStream, ServerSentEvent } from '../support/sse-client';
import { startTestApp, TestApp } from '../support/test-app';

const about = (type: string, conversationId: string) => (event: ServerSentEvent) =>
  event.event === 'message' && JSON.parse(event.data).type === type && JSON.parse(event.data).subjectId === conversationId;

/** Agents learn of their work as it changes, pushed from whichever process changed it. */
describe('GET /me/conversations/stream (Server-Sent Events)', () => {
  let t: TestApp;
  let url: string;
  let adminToken: string;
  const streams: EventStream[] = [];
  const nextLanguage = languageAllocator();

  beforeAll(async () => {
    t = await startTestApp();
    await t.app.listen(0);
    url = `${await t.app.getUrl()}/api/v1/me/conversations/stream`;
    adminToken = await loginAdmin(t);
  });
  afterAll(async () => {
    for (const stream of streams) stream.close();
    await t?.close();
  });

  const subscribe = async (token: string) => {
    const stream = await openEventStream(url, auth(token));
    streams.push(stream);
    if (stream.status === 200) await stream.next((event) => event.event === 'ready');
    return stream;
  };

  it("pushes the caller's assignments and resolves, and nobody else's", async () => {
    const language = nextLanguage();
    const otherLanguage = nextLanguage();
    const agent = await signedInAgent(t, adminToken, language);
    const colleague = await signedInAgent(t, adminToken, otherLanguage);
    const stream = await subscribe(agent.token);
    expect(stream.contentType).toMatch(/^text\/event-stream/);

    const theirs = await assignedConversation(t, colleague, otherLanguage);
    const mine = await passengerMessage(t, language);
    const assigned = JSON.parse((await stream.next(about('conversation.assigned', mine.conversationId))).data);
    expect(assigned).toMatchObject({ subjectType: 'conversation', payload: { agentId: agent.id } });

    await t.http().post(`/api/v1/conversations/${mine.conversationId}/resolve`).set(auth(agent.token)).expect(200);
    await stream.next(about('conversation.resolved', mine.conversationId));
    // The colleague's assignment committed before the caller's own events, which have arrived.
    expect(stream.received.filter((event) => event.data.includes(theirs.conversationId))).toEqual([]);
  });

  it('pushes the work taken back when the caller signs out', async () => {
    const language = nextLanguage();
    const agent = await signedInAgent(t, adminToken, language);
    const stream = await subscribe(agent.token);
    const { conversationId } = await assignedConversation(t, agent, language);
    await stream.next(about('conversation.assigned', conversationId));

    await t.http().post('/api/v1/me/sign-out').set(auth(agent.token)).expect(200);
    const requeued = JSON.parse((await stream.next(about('conversation.requeued', conversationId))).data);
    expect(requeued.payload).toMatchObject({ agentId: agent.id });
  });

  it("replays to a reconnecting agent the work it missed, and nobody else's", async () => {
    const language = nextLanguage();
    const otherLanguage = nextLanguage();
    const agent = await signedInAgent(t, adminToken, language);
    const colleague = await signedInAgent(t, adminToken, otherLanguage);
    const first = await subscribe(agent.token);
    const seen = await assignedConversation(t, agent, language);
    const lastSeen = (await first.next(about('conversation.assigned', seen.conversationId))).id!;
    first.close();

    const missed = await assignedConversation(t, agent, language);
    const theirs = await assignedConversation(t, colleague, otherLanguage);
    const resumed = await openEventStream(url, { ...auth(agent.token), 'Last-Event-ID': lastSeen });
    streams.push(resumed);
    expect(resumed.status).toBe(200);
    await resumed.next(about('conversation.assigned', missed.conversationId));
    expect(resumed.received.filter(about('conversation.assigned', seen.conversationId))).toEqual([]);
    expect(resumed.received.filter((event) => event.data.includes(theirs.conversationId))).toEqual([]);
  });

  it('401 without a token, 403 for a manager', async () => {
    expect((await subscribe('not-a-token')).status).toBe(401);
    const manager: SignedInAccount = await createAccount(t, adminToken, { role: 'incident_manager', languages: undefined });
    expect((await subscribe(manager.token)).status).toBe(403);
  });
});
