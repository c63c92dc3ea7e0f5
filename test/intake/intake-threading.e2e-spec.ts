import { Pool } from 'pg';
import { RoutingScheduler } from '../../src/routing/routing-scheduler';
import { COMPLAINTS, newMessage, signedIntake } from '../factories/intake';
import { startTestApp, TestApp } from '../support/test-app';

interface ConversationRow {
  id: string;
  status: string;
  channel: string;
  handle: string;
  from_name: string | null;
  language: string;
  flight_number: string | null;
  priority: number;
  rule_id: string | null;
  rule_version: number;
  incident_id: string | null;
  req_languages: string[] | null;
  received_at: Date;
}

const conversationsOf = async (db: Pool, channel: unknown, handle: unknown): Promise<ConversationRow[]> =>
  (await db.query<ConversationRow>('SELECT * FROM conversations WHERE channel = $1 AND handle = $2 ORDER BY created_at', [channel, handle])).rows;

const messagesIn = async (db: Pool, conversationId: string) =>
  (await db.query('SELECT id, external_id, language FROM messages WHERE conversation_id = $1 ORDER BY created_at', [conversationId])).rows;

const handleOf = (body: Record<string, unknown>) => (body.from as { handle: string }).handle;

/** Routing writes its decision onto the row (requirements, next escalation) after intake commits. */
async function waitUntilRouted(db: Pool, conversationId: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const { rows } = await db.query('SELECT next_escalation_at IS NOT NULL AS decided FROM conversations WHERE id = $1', [conversationId]);
    if (rows[0]?.decided) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`conversation ${conversationId} was not routed within 10 s`);
}

describe('POST /intake/messages: idempotency and threading', () => {
  let t: TestApp;
  /** Conversation ids handed to routing, each with whether its row was committed at that moment. */
  let routed: { conversationId: string; committed: boolean }[];

  beforeAll(async () => {
    t = await startTestApp();
    const scheduler = t.app.get(RoutingScheduler);
    const enqueue = scheduler.routeConversations.bind(scheduler);
    jest.spyOn(scheduler, 'routeConversations').mockImplementation(async (ids) => {
      for (const conversationId of ids) {
        const visible = await t.db.query('SELECT 1 FROM conversations WHERE id = $1', [conversationId]);
        routed.push({ conversationId, committed: visible.rowCount === 1 });
      }
      return enqueue(ids);
    });
  });
  beforeEach(() => {
    routed = [];
  });
  afterAll(() => t.close());

  /** The reconciler may hand routing the same queued rows too, so look at one conversation at a time. */
  const routedFor = (conversationId: string) => routed.filter((entry) => entry.conversationId === conversationId);

  it('opens a queued conversation with one message and routes it after commit', async () => {
    // Recent, so no escalation of the default rule is due and nothing else routes it meanwhile.
    const receivedAt = new Date(Date.now() - 60_000).toISOString();
    const body = newMessage({ flightNumber: 'KL1234', receivedAt });
    const response = await signedIntake(t, body).expect(202);
    expect(response.body).toEqual({
      conversationId: expect.any(String),
      messageId: expect.any(String),
      status: 'queued',
      duplicate: false,
      queuePosition: expect.any(Number),
      // Nobody speaks it and nothing was assigned lately: nothing is known.
      estimatedWaitSeconds: null,
    });

    const [conversation, ...others] = await conversationsOf(t.db, body.channel, handleOf(body));
    expect(others).toHaveLength(0);
    const version = (await t.db.query('SELECT version FROM routing_ruleset')).rows[0].version;
    expect(conversation).toMatchObject({
      id: response.body.conversationId,
      status: 'queued',
      from_name: 'Stranded Passenger',
      language: 'en',
      flight_number: 'KL1234',
      priority: 5,
      rule_id: null,
      rule_version: version,
      incident_id: null,
      req_languages: ['en'],
    });
    expect(conversation.received_at.toISOString()).toBe(receivedAt);
    expect(await messagesIn(t.db, conversation.id)).toEqual([
      { id: response.body.messageId, external_id: body.externalId, language: 'en' },
    ]);
    // Visible to another connection when enqueued: routing was handed the row only after commit.
    expect(routedFor(conversation.id)).toContainEqual({ conversationId: conversation.id, committed: true });
    expect(routedFor(conversation.id).every((entry) => entry.committed)).toBe(true);
  });

  it('answers a duplicate with 200 and the same ids, and changes nothing', async () => {
    const body = newMessage();
    const first = await signedIntake(t, body).expect(202);
    await waitUntilRouted(t.db, first.body.conversationId);
    const before = await conversationsOf(t.db, body.channel, handleOf(body));
    routed = [];

    const again = await signedIntake(t, { ...body, text: 'A different text under the same externalId' }).expect(200);
    expect(again.body).toMatchObject({ conversationId: first.body.conversationId, messageId: first.body.messageId, status: first.body.status, duplicate: true });
    expect(await conversationsOf(t.db, body.channel, handleOf(body))).toEqual(before);
    const messages = await t.db.query('SELECT text FROM messages WHERE channel = $1 AND external_id = $2', [body.channel, body.externalId]);
    expect(messages.rows).toEqual([{ text: COMPLAINTS.en }]);
    expect(routedFor(first.body.conversationId)).toEqual([]);
  });

  it('treats the same externalId on another channel as another message', async () => {
    const body = newMessage({ channel: 'sms' });
    const sms = await signedIntake(t, body).expect(202);
    const whatsapp = await signedIntake(t, { ...body, channel: 'whatsapp' }).expect(202);
    expect(whatsapp.body.messageId).not.toBe(sms.body.messageId);
    expect(whatsapp.body.conversationId).not.toBe(sms.body.conversationId);
  });

  it('stores identical requests sent at once exactly once and answers all with the same ids', async () => {
    const body = newMessage();
    const responses = await Promise.all(Array.from({ length: 6 }, () => signedIntake(t, body)));

    expect(responses.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 202]);
    const ids = new Set(responses.map((r) => `${r.body.conversationId}/${r.body.messageId}`));
    expect(ids.size).toBe(1);
    const conversations = await conversationsOf(t.db, body.channel, handleOf(body));
    expect(conversations.map((c) => c.id)).toEqual([responses[0].body.conversationId]);
    const messages = await t.db.query('SELECT id FROM messages WHERE channel = $1 AND external_id = $2', [body.channel, body.externalId]);
    expect(messages.rows).toEqual([{ id: responses[0].body.messageId }]);
    expect(routedFor(conversations[0].id)).toHaveLength(1);
  });

  it('threads a follow-up from the same sender into its open conversation without routing again', async () => {
    const first = newMessage();
    const opened = await signedIntake(t, first).expect(202);
    routed = [];

    const followUp = newMessage({ from: first.from, text: 'Any news? Still waiting at the gate.' });
    const joined = await signedIntake(t, followUp).expect(202);
    expect(joined.body).toEqual({
      conversationId: opened.body.conversationId,
      messageId: expect.any(String),
      status: 'queued',
      duplicate: false,
      queuePosition: expect.any(Number),
      estimatedWaitSeconds: null,
    });
    expect(joined.body.messageId).not.toBe(opened.body.messageId);
    const messages = await messagesIn(t.db, opened.body.conversationId);
    expect(messages.map((m) => m.external_id)).toEqual([first.externalId, followUp.externalId]);
    expect(routedFor(opened.body.conversationId)).toEqual([]);
  });

  it('keeps the same handle on another channel in a conversation of its own', async () => {
    const first = newMessage({ channel: 'facebook' });
    const opened = await signedIntake(t, first).expect(202);
    const other = await signedIntake(t, newMessage({ channel: 'web', from: first.from })).expect(202);
    expect(other.body.conversationId).not.toBe(opened.body.conversationId);
  });

  it('opens one conversation for first messages of one sender sent at once', async () => {
    const from = newMessage().from;
    const bodies = Array.from({ length: 6 }, () => newMessage({ from }));
    const responses = await Promise.all(bodies.map((body) => signedIntake(t, body)));

    expect(responses.map((r) => r.status)).toEqual(Array(6).fill(202));
    const conversations = await conversationsOf(t.db, 'twitter', handleOf(bodies[0]));
    expect(conversations).toHaveLength(1);
    expect(new Set(responses.map((r) => r.body.conversationId))).toEqual(new Set([conversations[0].id]));
    expect(await messagesIn(t.db, conversations[0].id)).toHaveLength(6);
    expect(routedFor(conversations[0].id)).toHaveLength(1);
  });

  it('opens a new conversation once the previous one is resolved', async () => {
    const first = newMessage();
    const opened = await signedIntake(t, first).expect(202);
    // Arrangement: resolving belongs to the conversations module, so the row is resolved directly here.
    await t.db.query(`UPDATE conversations SET status = 'resolved', resolved_at = now() WHERE id = $1`, [opened.body.conversationId]);
    routed = [];

    const next = await signedIntake(t, newMessage({ from: first.from })).expect(202);
    expect(next.body.conversationId).not.toBe(opened.body.conversationId);
    expect(next.body.status).toBe('queued');
    const statuses = (await conversationsOf(t.db, first.channel, handleOf(first))).map((c) => c.status);
    expect(statuses).toEqual(['resolved', 'queued']);
    expect(await messagesIn(t.db, opened.body.conversationId)).toHaveLength(1);
    expect(routedFor(next.body.conversationId)).toEqual([{ conversationId: next.body.conversationId, committed: true }]);
    expect(routedFor(opened.body.conversationId)).toEqual([]);
  });

  it('answers a duplicate of a message in a resolved conversation with its ids and status', async () => {
    const body = newMessage();
    const first = await signedIntake(t, body).expect(202);
    // Arrangement: resolving belongs to the conversations module.
    await t.db.query(`UPDATE conversations SET status = 'resolved', resolved_at = now() WHERE id = $1`, [first.body.conversationId]);

    const again = await signedIntake(t, body).expect(200);
    expect(again.body).toEqual({ ...first.body, status: 'resolved', duplicate: true, queuePosition: null, estimatedWaitSeconds: null });
    expect(await conversationsOf(t.db, body.channel, handleOf(body))).toHaveLength(1);
  });

  describe('language', () => {
    it('detects Dutch when no language is given', async () => {
      const body = newMessage({ text: COMPLAINTS.nl, language: undefined });
      const response = await signedIntake(t, body).expect(202);
      const [conversation] = await conversationsOf(t.db, body.channel, handleOf(body));
      expect(conversation).toMatchObject({ language: 'nl', req_languages: ['nl'] });
      expect((await messagesIn(t.db, response.body.conversationId))[0].language).toBe('nl');
    });

    it('stores und with no required language for a text too short to tell', async () => {
      const body = newMessage({ text: 'ok??', language: undefined });
      await signedIntake(t, body).expect(202);
      const [conversation] = await conversationsOf(t.db, body.channel, handleOf(body));
      expect(conversation).toMatchObject({ language: 'und', req_languages: null });
    });

    it('keeps the given language over what the text looks like', async () => {
      const body = newMessage({ text: COMPLAINTS.nl, language: 'de' });
      await signedIntake(t, body).expect(202);
      const [conversation] = await conversationsOf(t.db, body.channel, handleOf(body));
      expect(conversation.language).toBe('de');
    });
  });

  describe('surge', () => {
    it('takes messages with no incident at all and leaves the conversation without one', async () => {
      expect((await t.db.query('SELECT 1 FROM incidents WHERE surge_active')).rowCount).toBe(0);
      const body = newMessage();
      await signedIntake(t, body).expect(202);
      const [conversation] = await conversationsOf(t.db, body.channel, handleOf(body));
      expect(conversation).toMatchObject({ status: 'queued', incident_id: null });
    });

    it('tags a new conversation with the incident whose surge is active', async () => {
      // Arrangement: surge switching belongs to the incidents module, so the incident is inserted directly here.
      const incident = await t.db.query(
        `INSERT INTO incidents (name, surge_active, surge_activated_at) VALUES ('Ash cloud', true, now()) RETURNING id`,
      );
      try {
        const body = newMessage();
        await signedIntake(t, body).expect(202);
        const [conversation] = await conversationsOf(t.db, body.channel, handleOf(body));
        expect(conversation.incident_id).toBe(incident.rows[0].id);
      } finally {
        await t.db.query('UPDATE incidents SET surge_active = false WHERE id = $1', [incident.rows[0].id]);
      }
    });
  });
});
