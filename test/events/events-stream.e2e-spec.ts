import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import Redis from 'ioredis';
import { createAccount, loginAdmin, SignedInAccount } from '../factories/accounts';
import { createIncident } from '../factories/incidents';
import { bearer } from '../stats/stats-arrangement';
import { startTestApp, TEST_REDIS_URL, TestApp } from '../support/test-app';
import { AppConfigService } from '../../src/config/app-config.service';
import { TransactionRunner } from '../../src/database/transaction-runner';
import { eventsChannel } from '../../src/events/event-channel';
import { EventsService } from '../../src/events/events.service';
import { configureApp } from '../../src/configure-app';
import { MetricsRegistry } from '../../src/metrics/metrics-registry';
import { EventStream, openEventStream } from '../support/sse-client';

const isEvent = (type: string, subjectId: string) => (event: { event: string; data: string }) =>
  event.event === 'message' && JSON.parse(event.data).type === type && JSON.parse(event.data).subjectId === subjectId;

const ROLLED_BACK = '7d0c6f4e-0000-4000-8000-00000000dead';

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
    // the event channel is concerned (its own publisher and subscription).
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

  it('opens one subscription per process, on the first subscriber', async () => {
    const redis = new Redis(TEST_REDIS_URL);
    try {
      const channel = eventsChannel(t.app.get(AppConfigService).get('BULL_PREFIX'));
      expect(await redis.pubsub('NUMSUB', channel)).toEqual([channel, 2]);
    } finally {
      redis.disconnect();
    }
  });

  it('never delivers an event whose transaction rolled back', async () => {
    const stream = await subscribe(firstUrl, manager.token);
    const events = t.app.get(EventsService);
    const recordThenFail = t.app.get(TransactionRunner).run(async (transaction) => {
      await events.record({ type: 'incident.created', actorId: null, subjectType: 'incident', subjectId: ROLLED_BACK, payload: {} }, transaction);
      throw new Error('rolled back on purpose');
    });
    await expect(recordThenFail).rejects.toThrow('rolled back on purpose');
    // Published after the rolled-back one would have been: once it arrives, the other had its chance.
    const incident = await createIncident(t, manager.token);
    await stream.next(isEvent('incident.created', incident.id));
    expect(stream.received.filter(isEvent('incident.created', ROLLED_BACK))).toEqual([]);
    const { rows } = await t.db.query(`SELECT count(*)::int AS stored FROM events WHERE subject_id = $1`, [ROLLED_BACK]);
    expect(rows[0].stored).toBe(0);
  });

  it('keeps one metrics registry per application instance', () => {
    expect(second.get(MetricsRegistry).registry).not.toBe(t.app.get(MetricsRegistry).registry);
  });

  it("gives `ready` the newest event's id, so a client that saw nothing yet still has a Last-Event-ID", async () => {
    const incident = await createIncident(t, manager.token);
    const created = await t.db.query(`SELECT id::text FROM events WHERE subject_id = $1`, [incident.id]);
    const stream = await subscribe(firstUrl, manager.token);
    const ready = stream.received.find((event) => event.event === 'ready')!;
    expect(BigInt(ready.id!)).toBeGreaterThanOrEqual(BigInt(created.rows[0].id));
    stream.close();
  });

  it('replays what a client reconnecting with Last-Event-ID missed, in order, then goes on live', async () => {
    const first = await subscribe(firstUrl, manager.token);
    const seen = await createIncident(t, manager.token);
    const lastSeen = (await first.next(isEvent('incident.created', seen.id))).id!;
    first.close();

    const missed = [await createIncident(t, manager.token), await createIncident(t, manager.token)];
    const resumed = await openEventStream(`${secondUrl}/api/v1/events/stream`, { ...bearer(manager.token), 'Last-Event-ID': lastSeen });
    streams.push(resumed);
    expect(resumed.status).toBe(200);
    for (const incident of missed) await resumed.next(isEvent('incident.created', incident.id));
    const later = await createIncident(t, manager.token);
    await resumed.next(isEvent('incident.created', later.id));

    const messages = resumed.received.filter((event) => event.event === 'message');
    const ids = messages.map((event) => BigInt(event.id!));
    expect(ids).toEqual([...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => id > BigInt(lastSeen))).toBe(true);
    expect(messages.filter(isEvent('incident.created', seen.id))).toEqual([]);
    const readyAt = resumed.received.findIndex((event) => event.event === 'ready');
    expect(resumed.received[readyAt].id).toBe(lastSeen);
    expect(resumed.received.findIndex(isEvent('incident.created', missed[0].id))).toBeGreaterThan(readyAt);
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
