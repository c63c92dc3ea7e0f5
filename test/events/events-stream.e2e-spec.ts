import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { createAccount, loginAdmin, SignedInAccount } from '../factories/accounts';
import { createIncident } from '../factories/incidents';
import { bearer } from '../stats/stats-arrangement';
import { startTestApp, TestApp } from '../support/test-app';
import { configureApp } from '../../src/configure-app';
import { MetricsRegistry } from '../../src/metrics/metrics-registry';
import { EventStream, openEventStream } from './sse-client';

const isEvent = (type: string, subjectId: string) => (event: { event: string; data: string }) =>
  event.event === 'message' && JSON.parse(event.data).type === type && JSON.parse(event.data).subjectId === subjectId;

describe('GET /events/stream (Server-Sent Events)', () => {
  let t: TestApp;
  let second: INestApplication;
  let firstUrl: string;
  let secondUrl: string;
  let adminToken: string;
  let manager: SignedInAccount;
  let agent: SignedInAccount;
  const streams: EventStream[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    await t.app.listen(0);
    firstUrl = await t.app.getUrl();
    // A second application instance on the same database and Redis: another process, as far as
    // Postgres LISTEN/NOTIFY is concerned (its own listener connection).
    const { AppModule } = await import('../../src/app.module');
    second = (await Test.createTestingModule({ imports: [AppModule] }).compile()).createNestApplication({ rawBody: true, bufferLogs: true });
    configureApp(second);
    await second.listen(0);
    secondUrl = await second.getUrl();

    adminToken = await loginAdmin(t);
    manager = await createAccount(t, adminToken, { role: 'incident_manager', languages: undefined });
    agent = await createAccount(t, adminToken);
  });
  afterAll(async () => {
    for (const stream of streams) stream.close();
    await second?.close();
    await t?.close();
  });

  /** Opens a stream; a successful one is used once its `ready` event says it is live. */
  const subscribe = async (baseUrl: string, token: string) => {
    const stream = await openEventStream(`${baseUrl}/api/v1/events/stream`, bearer(token));
    streams.push(stream);
    if (stream.status === 200) await stream.next((event) => event.event === 'ready');
    return stream;
  };

  it('delivers an event committed after subscribing, shaped as in GET /events, with its id as SSE id', async () => {
    const stream = await subscribe(firstUrl, manager.token);
    expect(stream.status).toBe(200);
    expect(stream.contentType).toMatch(/^text\/event-stream/);

    const incident = await createIncident(t, manager.token);
    const delivered = await stream.next(isEvent('incident.created', incident.id));
    const listed = await t.http().get(`/api/v1/events?subjectId=${incident.id}&type=incident.created`).set(bearer(manager.token)).expect(200);
    expect(JSON.parse(delivered.data)).toEqual(listed.body.items[0]);
    expect(delivered.id).toBe(listed.body.items[0].id);
  });

  it('delivers events written by another process, to subscribers of every process', async () => {
    const onFirst = await subscribe(firstUrl, manager.token);
    const onSecond = await subscribe(secondUrl, manager.token);
    const secondManagerToken = (await t.http().post('/api/v1/auth/login').send({ email: manager.email, password: manager.password }).expect(200)).body.accessToken;
    const created = await fetch(`${secondUrl}/api/v1/incidents`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...bearer(secondManagerToken) },
      body: JSON.stringify({ name: 'Written by the second process' }),
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    await onSecond.next(isEvent('incident.created', id));
    await onFirst.next(isEvent('incident.created', id));
  });

  it('opens one listener connection per process, on the first subscription', async () => {
    const { rows } = await t.db.query(
      `SELECT count(*)::int AS listeners FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'surgeline-events-listener'`,
    );
    expect(rows[0].listeners).toBe(2);
  });

  it('keeps one metrics registry per application instance', () => {
    expect(second.get(MetricsRegistry).registry).not.toBe(t.app.get(MetricsRegistry).registry);
  });

  it('401 without a token', async () => {
    const stream = await subscribe(firstUrl, 'not-a-token');
    expect(stream.status).toBe(401);
  });

  it('403 for an agent', async () => {
    const stream = await subscribe(firstUrl, agent.token);
    expect(stream.status).toBe(403);
  });
});
