import { BehaviorSubject, Subject } from 'rxjs';
import { EventNotificationsListener } from '../events/event-notifications.listener';
import { EventType } from '../events/event-types';
import { EventRow } from '../events/events.repository';
import { AuthCacheMetrics, AuthLookupOutcome } from '../metrics/auth-cache-metrics';
import { AccountStatus } from '../users/user.entity';
import { AUTH_CACHE_MAX_AGE_MS, AUTH_CACHE_MAX_ENTRIES, AuthLookup, AuthLookupCache } from './auth-lookup-cache';

const ALICE = '7a0c6f4e-0000-4000-8000-00000000000a';
const BOB = '7a0c6f4e-0000-4000-8000-00000000000b';

function lookupOf(userId: string, status: AccountStatus = 'active', expiresAt?: Date): AuthLookup {
  return { user: { id: userId, email: `${userId}@airline.test`, role: 'agent', kind: 'staff' }, status, expiresAt };
}

function eventAbout(type: EventType, subjectId: string): EventRow {
  return { id: '1', type, actorId: null, subjectType: 'user', subjectId, payload: {}, at: new Date() };
}

/** A fake of the event subscription and a counting loader standing in for the Postgres query. */
function setUp() {
  const delivering = new BehaviorSubject(true);
  const events = new Subject<EventRow>();
  const caughtUp = jest.fn(async () => delivering.value);
  const listener = {
    deliveringChanges: delivering.asObservable(),
    committedEvents: events.asObservable(),
    caughtUp,
    startListening: async () => undefined,
  } as unknown as EventNotificationsListener;
  const outcomes: AuthLookupOutcome[] = [];
  const metrics = { count: (outcome: AuthLookupOutcome) => outcomes.push(outcome) } as unknown as AuthCacheMetrics;
  const cache = new AuthLookupCache(listener, metrics);
  const stored = new Map<string, AuthLookup>([
    [ALICE, lookupOf(ALICE)],
    [BOB, lookupOf(BOB)],
  ]);
  const queries = jest.fn(async (userId: string) => stored.get(userId) ?? null);
  const read = (userId: string, key = `account:${userId}`) => cache.read(key, () => queries(userId));
  return { cache, delivering, events, caughtUp, outcomes, stored, queries, read };
}

describe('AuthLookupCache', () => {
  afterEach(() => jest.restoreAllMocks());

  it('reads Postgres once for repeated lookups of the same account, each after catching up with the events', async () => {
    const { read, queries, caughtUp, outcomes } = setUp();
    for (let i = 0; i < 5; i++) await expect(read(ALICE)).resolves.toMatchObject({ user: { id: ALICE }, status: 'active' });
    expect(queries).toHaveBeenCalledTimes(1);
    expect(caughtUp).toHaveBeenCalledTimes(5);
    expect(outcomes).toEqual(['miss', 'hit', 'hit', 'hit', 'hit']);
  });

  it('reads Postgres on every lookup while the subscription is down, and keeps nothing', async () => {
    const { read, queries, delivering, outcomes } = setUp();
    delivering.next(false);
    await read(ALICE);
    await read(ALICE);
    expect(queries).toHaveBeenCalledTimes(2);
    expect(outcomes).toEqual(['bypass', 'bypass']);
  });

  it('reads Postgres when the subscription cannot tell it caught up (Redis slow to answer)', async () => {
    const { read, queries, caughtUp, outcomes } = setUp();
    await read(ALICE);
    caughtUp.mockResolvedValueOnce(false);
    await read(ALICE);
    expect(queries).toHaveBeenCalledTimes(2);
    expect(outcomes).toEqual(['miss', 'bypass']);
  });

  it('forgets everything when the subscription drops and reads afresh once it is back', async () => {
    const { read, queries, delivering, stored } = setUp();
    await read(ALICE);
    delivering.next(false);
    // Missed while down: the suspension's event never arrives.
    stored.set(ALICE, lookupOf(ALICE, 'suspended'));
    delivering.next(true);
    await expect(read(ALICE)).resolves.toMatchObject({ status: 'suspended' });
    expect(queries).toHaveBeenCalledTimes(2);
  });

  it.each<EventType>(['agent.updated', 'auth.session_ended', 'volunteer.expired'])('forgets the subject of %s, and only the subject', async (type) => {
    const { read, queries, events, stored } = setUp();
    await read(ALICE);
    await read(ALICE, 'session:alice-browser');
    await read(BOB);
    stored.set(ALICE, lookupOf(ALICE, 'suspended'));
    events.next(eventAbout(type, ALICE));
    await expect(read(ALICE)).resolves.toMatchObject({ status: 'suspended' });
    await expect(read(ALICE, 'session:alice-browser')).resolves.toMatchObject({ status: 'suspended' });
    await read(BOB);
    expect(queries.mock.calls.map(([userId]) => userId)).toEqual([ALICE, ALICE, BOB, ALICE, ALICE]);
  });

  it('keeps its answers through events that change no access', async () => {
    const { read, queries, events } = setUp();
    await read(ALICE);
    events.next(eventAbout('agent.signed_in', ALICE));
    events.next(eventAbout('conversation.assigned', ALICE));
    await read(ALICE);
    expect(queries).toHaveBeenCalledTimes(1);
  });

  it('does not keep what it read before an event that arrived during the read', async () => {
    const { cache, queries, events } = setUp();
    let answer!: () => void;
    const slowRead = cache.read(`account:${ALICE}`, async () => {
      await new Promise<void>((resolve) => (answer = resolve));
      return lookupOf(ALICE);
    });
    await new Promise((resolve) => setImmediate(resolve));
    events.next(eventAbout('agent.updated', ALICE));
    answer();
    await slowRead;
    await cache.read(`account:${ALICE}`, () => queries(ALICE));
    expect(queries).toHaveBeenCalledTimes(1);
  });

  it.each<AccountStatus>(['suspended', 'expired', 'pending'])('never keeps a %s account', async (status) => {
    const { read, queries, stored } = setUp();
    stored.set(ALICE, lookupOf(ALICE, status));
    await read(ALICE);
    await read(ALICE);
    expect(queries).toHaveBeenCalledTimes(2);
  });

  it('never keeps an unknown account or session', async () => {
    const { read, queries } = setUp();
    await expect(read('unknown')).resolves.toBeNull();
    await expect(read('unknown')).resolves.toBeNull();
    expect(queries).toHaveBeenCalledTimes(2);
  });

  it('reads again once an answer is AUTH_CACHE_MAX_AGE_MS old', async () => {
    const { read, queries } = setUp();
    const now = jest.spyOn(Date, 'now').mockReturnValue(1_000_000);
    await read(ALICE);
    now.mockReturnValue(1_000_000 + AUTH_CACHE_MAX_AGE_MS - 1);
    await read(ALICE);
    expect(queries).toHaveBeenCalledTimes(1);
    now.mockReturnValue(1_000_000 + AUTH_CACHE_MAX_AGE_MS);
    await read(ALICE);
    expect(queries).toHaveBeenCalledTimes(2);
  });

  it('reads a session again once it has expired', async () => {
    const { read, queries, stored } = setUp();
    const now = jest.spyOn(Date, 'now').mockReturnValue(1_000_000);
    stored.set(ALICE, lookupOf(ALICE, 'active', new Date(1_000_500)));
    await read(ALICE);
    now.mockReturnValue(1_000_499);
    await read(ALICE);
    expect(queries).toHaveBeenCalledTimes(1);
    now.mockReturnValue(1_000_500);
    await read(ALICE);
    expect(queries).toHaveBeenCalledTimes(2);
  });

  it(`holds at most ${AUTH_CACHE_MAX_ENTRIES} answers, dropping the least recently used`, async () => {
    const { cache, queries } = setUp();
    const read = (n: number) => cache.read(`account:${n}`, () => queries(String(n)).then(() => lookupOf(String(n))));
    for (let n = 0; n < AUTH_CACHE_MAX_ENTRIES; n++) await read(n);
    await read(0); // now the most recently used; 1 is the least
    await read(AUTH_CACHE_MAX_ENTRIES);
    queries.mockClear();
    await read(0);
    await read(2);
    expect(queries).not.toHaveBeenCalled();
    await read(1);
    expect(queries).toHaveBeenCalledTimes(1);
  });
});
