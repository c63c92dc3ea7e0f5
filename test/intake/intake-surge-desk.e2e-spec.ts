import { loginAdmin } from '../factories/accounts';
import { languageAllocator, passengerMessage, signedInAgent, waitForAssignment } from '../factories/conversations';
import { newMessage, signedIntake } from '../factories/intake';
import { startTestApp, TestApp } from '../support/test-app';

const CARD = '4111 1111 1111 1111';

/** Intake for the surge desk: flight numbers normalised or found in the text, card numbers masked, the wait estimated. */
describe('POST /intake/messages: flights, card numbers and the estimated wait', () => {
  let t: TestApp;
  let adminToken: string;
  const nextLanguage = languageAllocator();

  beforeAll(async () => {
    t = await startTestApp();
    adminToken = await loginAdmin(t);
  });
  afterAll(() => t.close());

  const flightOf = async (conversationId: string) =>
    (await t.db.query('SELECT flight_number FROM conversations WHERE id = $1', [conversationId])).rows[0].flight_number;

  it.each([
    [{ flightNumber: 'kl 1234' }, 'KL1234'],
    [{ flightNumber: 'KL 1234' }, 'KL1234'],
    [{ text: 'My flight kl641 to Oslo was cancelled, what now?' }, 'KL641'],
    [{ text: 'Flights KL641 and KL642 were both cancelled' }, null],
    [{ text: 'I have 2 bags at gate 12' }, null],
  ])('stores the flight number of %j as %j', async (fields, expected) => {
    const { conversationId } = await passengerMessage(t, nextLanguage(), fields);
    expect(await flightOf(conversationId)).toBe(expected);
  });

  it('400 naming flightNumber for something that is not one', async () => {
    const response = await signedIntake(t, newMessage({ flightNumber: 'KLM 12345' })).expect(400);
    expect(JSON.stringify(response.body.message)).toContain('flightNumber');
  });

  it('masks a card number before anything is stored: absent from every table and from Redis', async () => {
    const body = newMessage({ text: `Please refund to my card ${CARD}, booking ABC123` });
    const response = await signedIntake(t, body).expect(202);
    const { rows: stored } = await t.db.query('SELECT text FROM messages WHERE id = $1', [response.body.messageId]);
    expect(stored[0].text).toBe('Please refund to my card **** **** **** 1111, booking ABC123');

    const { rows: tables } = await t.db.query<{ name: string }>(
      `SELECT quote_ident(table_name) AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
    );
    for (const { name } of tables) {
      const { rows } = await t.db.query(`SELECT count(*)::int AS n FROM ${name} r WHERE r::text LIKE '%4111%1111%1111%1111%' OR r::text LIKE '%4111111111111111%'`);
      expect({ table: name, rows: rows[0].n }).toEqual({ table: name, rows: 0 });
    }
  });

  it('answers queuePosition and estimatedWaitSeconds: null when nothing is known, 0 when an agent has room', async () => {
    const language = nextLanguage();
    const first = await signedIntake(t, newMessage({ language })).expect(202);
    const second = await signedIntake(t, newMessage({ language })).expect(202);
    expect(first.body).toMatchObject({ queuePosition: 1, estimatedWaitSeconds: null });
    expect(second.body).toMatchObject({ queuePosition: 2, estimatedWaitSeconds: null });

    const agent = await signedInAgent(t, adminToken, language, { maxConcurrent: 5 });
    await waitForAssignment(t, agent, second.body.conversationId);
    // Two were assigned in the last 15 minutes and the agent still has room.
    const third = await signedIntake(t, newMessage({ language })).expect(202);
    expect(third.body.estimatedWaitSeconds).toBe(0);
  });

  it('estimates from the recent assignment rate when nobody has room', async () => {
    const language = nextLanguage();
    const agent = await signedInAgent(t, adminToken, language, { maxConcurrent: 2 });
    const a = await passengerMessage(t, language);
    const b = await passengerMessage(t, language);
    await waitForAssignment(t, agent, a.conversationId);
    await waitForAssignment(t, agent, b.conversationId);
    // 2 assigned in 15 minutes: one every 450 s; the 1st and the 2nd in line wait 450 s and 900 s.
    const next = await signedIntake(t, newMessage({ language })).expect(202);
    const after = await signedIntake(t, newMessage({ language })).expect(202);
    expect(next.body).toMatchObject({ status: 'queued', queuePosition: 1, estimatedWaitSeconds: 450 });
    expect(after.body).toMatchObject({ status: 'queued', queuePosition: 2, estimatedWaitSeconds: 900 });
  });
});
