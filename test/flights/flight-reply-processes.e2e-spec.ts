import { Pool } from 'pg';
import { newMessage } from '../factories/intake';
import { AppProcess, startAppProcess } from '../support/app-process';
import { HttpClient } from '../support/http-client';
import { pollUntil } from '../support/routing-invariants';
import { provisionTestEnvironment, TEST_ADMIN, TestEnvironment } from '../support/test-app';

// Two real processes on a shared, noisy machine: generous time.
jest.setTimeout(180_000);

const FLIGHT = 'KL2025';
const PASSENGERS = 6;
const REQUESTS = 20;

/**
 * One flight reply sent 20 times at once with the same Idempotency-Key, split across two service
 * processes: the key is claimed in Postgres in the sending transaction, so every passenger gets
 * exactly one reply and every request the same answer.
 */
describe('a flight reply with one Idempotency-Key across two processes', () => {
  let environment: TestEnvironment;
  const apps: AppProcess[] = [];
  let db: Pool;

  beforeAll(async () => {
    environment = await provisionTestEnvironment();
    db = new Pool({ connectionString: environment.env.DATABASE_URL, max: 2 });
    // One after the other: the second finds the database migrated.
    apps.push(await startAppProcess(environment.env));
    apps.push(await startAppProcess(environment.env));
  });

  afterAll(async () => {
    await Promise.all(apps.map((app) => app.stop()));
    await db?.end();
    await environment?.dispose();
  });

  it('gives each passenger exactly one reply and every request the same answer', async () => {
    const api = new HttpClient(apps[0].baseUrl);
    const token = (await api.post('/api/v1/auth/login', TEST_ADMIN)).body.accessToken as string;
    for (let i = 0; i < PASSENGERS; i++) {
      const answer = await api.intake(newMessage({ language: 'en', flightNumber: FLIGHT, text: 'My flight was cancelled, what now?' }));
      expect(answer.status).toBe(202);
    }

    const send = (app: AppProcess) =>
      fetch(`${app.baseUrl}/api/v1/flights/${FLIGHT}/replies`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}`, 'Idempotency-Key': 'rebooked-2025' },
        body: JSON.stringify({ text: 'You have been rebooked on the next flight.' }),
      }).then(async (response) => ({ status: response.status, body: await response.json() }));
    const responses = await Promise.all(Array.from({ length: REQUESTS }, (_, i) => send(apps[i % 2])));

    expect(responses.map((response) => response.status)).toEqual(Array(REQUESTS).fill(200));
    for (const response of responses) expect(response.body).toEqual({ flightNumber: FLIGHT, replied: PASSENGERS, resolved: 0 });

    const perConversation = await db.query(
      `SELECT c.id, count(r.id)::int AS replies
         FROM conversations c LEFT JOIN replies r ON r.conversation_id = c.id
        WHERE c.flight_number = $1 GROUP BY c.id`,
      [FLIGHT],
    );
    expect(perConversation.rows).toHaveLength(PASSENGERS);
    expect(perConversation.rows.map((row) => row.replies)).toEqual(Array(PASSENGERS).fill(1));
    const events = await db.query(`SELECT count(*)::int AS n FROM events WHERE type = 'flight.replied'`);
    expect(events.rows[0].n).toBe(1);
    const firstResponses = await db.query(`SELECT count(*)::int AS n FROM conversations WHERE flight_number = $1 AND first_response_at IS NOT NULL`, [FLIGHT]);
    expect(firstResponses.rows[0].n).toBe(PASSENGERS);

    // Each reply leaves through the outbound queue once.
    const delivered = await pollUntil(
      () => db.query(`SELECT delivery_status, delivery_attempts FROM replies r JOIN conversations c ON c.id = r.conversation_id WHERE c.flight_number = $1`, [FLIGHT]),
      (result) => result.rows.every((row) => row.delivery_status === 'delivered'),
      { timeoutMs: 60_000 },
    );
    expect(delivered.rows).toHaveLength(PASSENGERS);
  });
});
