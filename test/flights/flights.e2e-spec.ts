import { createAccount, loginAdmin, SignedInAccount } from '../factories/accounts';
import { assignedConversation, auth, languageAllocator, passengerMessage, signedInAgent } from '../factories/conversations';
import { createTemplate } from '../factories/templates';
import { startTestApp, TestApp } from '../support/test-app';

describe('flights: GET /flights, ?flightNumber= and one reply to many', () => {
  let t: TestApp;
  let adminToken: string;
  let manager: SignedInAccount;
  const nextLanguage = languageAllocator();
  let flightSeq = 100;
  const nextFlight = () => `KL${flightSeq++}`;

  beforeAll(async () => {
    t = await startTestApp();
    adminToken = await loginAdmin(t);
    manager = await createAccount(t, adminToken, { role: 'incident_manager', languages: undefined, name: 'Mia Manager' });
  });
  afterAll(() => t.close());

  const replyTo = (flight: string, key: string | null, body: object, token = manager.token) => {
    const request = t.http().post(`/api/v1/flights/${flight}/replies`).set(auth(token));
    if (key !== null) request.set('Idempotency-Key', key);
    return request.send(body);
  };

  it('filters conversations and lists flights with open work, most open first', async () => {
    const [busy, quiet] = [nextFlight(), nextFlight()];
    const [l1, l2] = [nextLanguage(), nextLanguage()];
    for (const language of [l1, l1, l2]) await passengerMessage(t, language, { flightNumber: busy.toLowerCase().replace('kl', 'kl ') });
    await passengerMessage(t, l2, { flightNumber: quiet });

    const filtered = await t.http().get(`/api/v1/conversations?flightNumber=${busy}`).set(auth(manager.token)).expect(200);
    expect(filtered.body.items).toHaveLength(3);
    expect(filtered.body.items.every((c: { flightNumber: string }) => c.flightNumber === busy)).toBe(true);
    await t.http().get('/api/v1/conversations?flightNumber=nope').set(auth(manager.token)).expect(400);

    const flights = await t.http().get('/api/v1/flights').set(auth(manager.token)).expect(200);
    const numbers = flights.body.items.map((f: { flightNumber: string }) => f.flightNumber);
    expect(numbers.indexOf(busy)).toBeLessThan(numbers.indexOf(quiet));
    expect(flights.body.items.find((f: { flightNumber: string }) => f.flightNumber === busy)).toEqual({
      flightNumber: busy,
      open: 3,
      queued: 3,
      assigned: 0,
      unanswered: 3,
      languages: [
        { language: l1, open: 2 },
        { language: l2, open: 1 },
      ],
      oldestReceivedAt: expect.any(String),
    });
    await t.http().get('/api/v1/flights?status=closed').set(auth(manager.token)).expect(400);
    await t.http().get('/api/v1/flights').expect(401);
    const agent = await createAccount(t, adminToken);
    await t.http().get('/api/v1/flights').set(auth(agent.token)).expect(403);
  });

  it("replies once to every open conversation, each in its passenger's language, as its first response; one event", async () => {
    const flight = nextFlight();
    const [l1, l2] = [nextLanguage(), nextLanguage()];
    const template = await createTemplate(t, manager.token, {
      variants: [
        { language: 'en', text: 'Flight {{flightNumber}} is cancelled. {{agentName}}' },
        { language: l1, text: `[${l1}] {{flightNumber}} {{passengerName}}` },
      ],
    });
    const agent = await signedInAgent(t, adminToken, l1);
    const assigned = await assignedConversation(t, agent, l1, { flightNumber: flight, from: { handle: `@f_${l1}`, name: 'Sam' } });
    const queued = await passengerMessage(t, l2, { flightNumber: flight });

    const response = await replyTo(flight, 'key-template', { templateId: template.id }).expect(200);
    expect(response.body).toEqual({ flightNumber: flight, replied: 2, resolved: 0 });

    const { rows } = await t.db.query(
      `SELECT r.conversation_id, r.text, r.kind, r.template_id, r.author_id, r.agent_id, c.first_response_at IS NOT NULL AS answered, c.status
         FROM replies r JOIN conversations c ON c.id = r.conversation_id WHERE c.flight_number = $1 ORDER BY r.text`,
      [flight],
    );
    expect(rows).toEqual([
      { conversation_id: queued.conversationId, text: `Flight ${flight} is cancelled. Mia`, kind: 'reply', template_id: template.id, author_id: manager.id, agent_id: null, answered: true, status: 'queued' },
      { conversation_id: assigned.conversationId, text: `[${l1}] ${flight} Sam`, kind: 'reply', template_id: template.id, author_id: manager.id, agent_id: null, answered: true, status: 'assigned' },
    ]);
    const events = await t.db.query(`SELECT actor_id, payload FROM events WHERE type = 'flight.replied' AND payload->>'flightNumber' = $1`, [flight]);
    expect(events.rows).toEqual([{ actor_id: manager.id, payload: { flightNumber: flight, replied: 2, resolved: 0, templateId: template.id } }]);
  });

  it('the same key from 20 concurrent requests: the same answer, one reply per passenger; another body → 409', async () => {
    const flight = nextFlight();
    const language = nextLanguage();
    const ids = [];
    for (let i = 0; i < 3; i++) ids.push((await passengerMessage(t, language, { flightNumber: flight })).conversationId);

    const responses = await Promise.all(Array.from({ length: 20 }, () => replyTo(flight, 'same-key', { text: 'Rebooked on tomorrow 08:00' })));
    expect(responses.map((r) => r.status)).toEqual(Array(20).fill(200));
    for (const r of responses) expect(r.body).toEqual({ flightNumber: flight, replied: 3, resolved: 0 });
    const counts = await t.db.query(`SELECT conversation_id, count(*)::int AS n FROM replies WHERE conversation_id = ANY($1::uuid[]) GROUP BY 1`, [ids]);
    expect(counts.rows.map((row) => row.n)).toEqual([1, 1, 1]);

    const other = await replyTo(flight, 'same-key', { text: 'Something else' }).expect(409);
    expect(other.body.message).toContain('Idempotency-Key');
  });

  it('resolve: true resolves them and frees the capacity', async () => {
    const flight = nextFlight();
    const language = nextLanguage();
    const agent = await signedInAgent(t, adminToken, language, { maxConcurrent: 1 });
    const held = await assignedConversation(t, agent, language, { flightNumber: flight });
    const response = await replyTo(flight, 'resolve-key', { text: 'Refund issued', resolve: true }).expect(200);
    expect(response.body).toEqual({ flightNumber: flight, replied: 1, resolved: 1 });
    const { rows } = await t.db.query('SELECT status FROM conversations WHERE id = $1', [held.conversationId]);
    expect(rows[0].status).toBe('resolved');
    expect((await t.db.query('SELECT open_count FROM agents WHERE user_id = $1', [agent.id])).rows[0].open_count).toBe(0);
  });

  it('400 naming the key or the field; 401; 403 for an agent; 404 for a flight with no open conversation', async () => {
    const flight = nextFlight();
    await passengerMessage(t, nextLanguage(), { flightNumber: flight });
    expect((await replyTo(flight, null, { text: 'x' }).expect(400)).body.message).toContain('Idempotency-Key');
    expect((await replyTo(flight, 'k'.repeat(101), { text: 'x' }).expect(400)).body.message).toContain('Idempotency-Key');
    expect((await replyTo(flight, 'k1', {}).expect(400)).body.message).toContain('templateId');
    expect((await replyTo(flight, 'k2', { text: 'x', templateId: '00000000-0000-4000-8000-000000000000' }).expect(400)).body.message).toContain('templateId');
    expect(JSON.stringify((await replyTo(flight, 'k3', { text: 'x', resolve: 'yes' }).expect(400)).body.message)).toContain('resolve');
    expect((await replyTo('not-a-flight', 'k4', { text: 'x' }).expect(400)).body.message).toContain('flightNumber');
    await t.http().post(`/api/v1/flights/${flight}/replies`).set('Idempotency-Key', 'k5').send({ text: 'x' }).expect(401);
    const agent = await createAccount(t, adminToken);
    await replyTo(flight, 'k6', { text: 'x' }, agent.token).expect(403);
    await replyTo('ZZ9999', 'k7', { text: 'x' }).expect(404);
    await replyTo(flight, 'k8', { templateId: '00000000-0000-4000-8000-000000000000' }).expect(404);
  });
});
