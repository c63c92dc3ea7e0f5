import { pollUntil } from '../factories/conversations';
import { newMessage, signedIntake } from '../factories/intake';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Intake's one statement cannot see a first message of the same sender that commits its
 * conversation while the statement waits on it; it stores nothing then, and intake joins that
 * conversation in a transaction. The race is arranged deterministically: the other first message is
 * held uncommitted on a connection of its own until intake is seen waiting on it.
 */
describe('POST /intake/messages: a first message of the same sender commits meanwhile', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  /** Posts `body` while another transaction opens its sender's conversation, storing `otherExternalId` in it. */
  async function postWhileSenderOpensConcurrently(body: Record<string, unknown>, otherExternalId: unknown) {
    const other = await t.db.connect();
    try {
      await other.query('BEGIN');
      const opened = await other.query(
        `INSERT INTO conversations (channel, handle, language, received_at, rule_version)
         SELECT $1, $2, 'en', now(), version FROM routing_ruleset RETURNING id`,
        [body.channel, (body.from as { handle: string }).handle],
      );
      const conversationId: string = opened.rows[0].id;
      const stored = await other.query(
        `INSERT INTO messages (conversation_id, channel, external_id, text, language, received_at)
         VALUES ($1, $2, $3, 'Is anyone there?', 'en', now()) RETURNING id`,
        [conversationId, body.channel, otherExternalId],
      );
      const { pid } = (await other.query('SELECT pg_backend_pid() AS pid')).rows[0];

      const pending = signedIntake(t, body).then((response) => response); // then() sends it
      const waitingOnOther = async () =>
        (await t.db.query('SELECT 1 FROM pg_stat_activity WHERE $1 = ANY (pg_blocking_pids(pid))', [pid])).rowCount ?? 0;
      await pollUntil(waitingOnOther, (waiting) => waiting > 0);
      await other.query('COMMIT');
      return { response: await pending, conversationId, otherMessageId: stored.rows[0].id as string };
    } finally {
      await other.query('ROLLBACK'); // only when a step above failed; after COMMIT a no-op
      other.release();
    }
  }

  const conversationsOfSender = async (body: Record<string, unknown>) =>
    (await t.db.query('SELECT id FROM conversations WHERE channel = $1 AND handle = $2', [body.channel, (body.from as { handle: string }).handle]))
      .rows;

  it('joins the conversation the other message opened', async () => {
    const body = newMessage();
    const { response, conversationId } = await postWhileSenderOpensConcurrently(body, `other-${body.externalId}`);

    expect(response.status).toBe(202);
    expect(response.body).toMatchObject({ conversationId, messageId: expect.any(String), status: 'queued', duplicate: false });
    expect(await conversationsOfSender(body)).toEqual([{ id: conversationId }]);
    const messages = await t.db.query('SELECT id FROM messages WHERE conversation_id = $1 AND external_id = $2', [
      conversationId,
      body.externalId,
    ]);
    expect(messages.rows).toEqual([{ id: response.body.messageId }]);
  });

  it('answers 200 with the ids of the other message when it was this very message', async () => {
    const body = newMessage();
    const { response, conversationId, otherMessageId } = await postWhileSenderOpensConcurrently(body, body.externalId);

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ conversationId, messageId: otherMessageId, status: 'queued', duplicate: true });
    expect(await conversationsOfSender(body)).toEqual([{ id: conversationId }]);
    const messages = await t.db.query('SELECT id FROM messages WHERE channel = $1 AND external_id = $2', [body.channel, body.externalId]);
    expect(messages.rows).toEqual([{ id: otherMessageId }]);
  });
});
