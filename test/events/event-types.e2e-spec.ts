import { createAccount, DEFAULT_PASSWORD, loginAdmin, SignedInAccount, uniqueEmail } from '../factories/accounts';
import { activateSurge, createIncident, createInvite, deactivateSurge, enrollVolunteer } from '../factories/incidents';
import { createRule } from '../factories/rules';
import { createShift } from '../factories/shifts';
import { bearer, received, waitForStatus, waitUntil } from '../stats/stats-arrangement';
import { startTestApp, TestApp } from '../support/test-app';
import { EVENT_TYPES, EventType } from '../../src/events/event-types';

interface EventView {
  id: string;
  type: EventType;
  actorId: string | null;
  subjectType: string | null;
  subjectId: string | null;
  payload: Record<string, unknown>;
  at: string;
}

/**
 * One run through the product's API actions, then a check per event type that the audit trail
 * holds the event with the right actor and subject. Secrets and passenger text used on the way
 * must appear in no payload.
 */
describe('audit trail: every event type is written by the action that causes it', () => {
  let t: TestApp;
  let events: EventView[];
  const ids: Record<string, string> = {};
  const secrets: string[] = [DEFAULT_PASSWORD];

  beforeAll(async () => {
    t = await startTestApp();
    const adminToken = await loginAdmin(t);
    const { manager, staff } = await accountActions(adminToken);
    const incidentId = await surgeActions(adminToken, manager);
    await shiftActions(manager, staff);
    await conversationActions(manager, staff);
    await deactivateSurge(t, manager.token, incidentId);
    await t.http().post(`/api/v1/incidents/${incidentId}/close`).set(bearer(manager.token)).expect(200);

    const response = await t.http().get('/api/v1/events?limit=500').set(bearer(adminToken)).expect(200);
    events = response.body.items;
  });
  afterAll(() => t?.close());

  /** user.created, auth.login_failed, auth.session_started/ended, agent.updated, agent.imported, routing_rule.changed */
  async function accountActions(adminToken: string): Promise<{ manager: SignedInAccount; staff: SignedInAccount }> {
    ids.admin = (await t.http().get('/api/v1/me').set(bearer(adminToken)).expect(200)).body.id;
    const manager = await createAccount(t, adminToken, { role: 'incident_manager', languages: undefined });
    ids.manager = manager.id;
    await t.http().post('/api/v1/auth/login').send({ email: manager.email, password: 'not-the-password' }).expect(401);
    secrets.push('not-the-password');
    const session = await t.http().post('/api/v1/auth/session').send({ email: manager.email, password: manager.password }).expect(200);
    const cookie = (session.headers['set-cookie'] as unknown as string[])[0].split(';')[0];
    await t.http().delete('/api/v1/auth/session').set({ Cookie: cookie, 'X-CSRF-Token': session.body.csrfToken }).expect(204);
    const staff = await createAccount(t, adminToken, { languages: [{ code: 'hu', level: 5 }] });
    ids.staff = staff.id;
    await t.http().patch(`/api/v1/agents/${staff.id}`).set(bearer(adminToken)).send({ maxConcurrent: 4 }).expect(200);
    const csv = `name,email,kind,languages,skills,maxConcurrent\nImported Person,${uniqueEmail('imported')},staff,ro:5,,2\n`;
    await t.http().post('/api/v1/agents/import').set(bearer(adminToken)).set('Content-Type', 'text/csv').send(csv).expect(200);
    ids.rule = (await createRule(t, adminToken, { enabled: false })).id;
    return { manager, staff };
  }

  /** incident.created, incident.updated, surge.activated, invite.created, volunteer.enrolled, agent.approved */
  async function surgeActions(adminToken: string, manager: SignedInAccount): Promise<string> {
    const incident = await createIncident(t, manager.token);
    ids.incident = incident.id;
    await t.http().patch(`/api/v1/incidents/${incident.id}`).set(bearer(manager.token)).send({ maxShiftHoursPer24h: 10 }).expect(200);
    await activateSurge(t, manager.token, incident.id);
    const invite = await createInvite(t, manager.token, incident.id, { autoApprove: false });
    secrets.push(invite.code);
    const volunteer = await enrollVolunteer(t, invite.code);
    ids.volunteer = volunteer.id;
    await t.http().post(`/api/v1/agents/${volunteer.id}/approve`).set(bearer(adminToken)).expect(200);
    return incident.id;
  }

  /** shift.created, shift.claimed, shift.released */
  async function shiftActions(manager: SignedInAccount, staff: SignedInAccount): Promise<void> {
    const shift = await createShift(t, manager.token);
    ids.shift = shift.id;
    await t.http().post(`/api/v1/shifts/${shift.id}/claim`).set(bearer(staff.token)).expect(200);
    await t.http().delete(`/api/v1/shifts/${shift.id}/claim`).set(bearer(staff.token)).expect(204);
  }

  /** agent.signed_in, conversation.assigned/replied/resolved/transferred/requeued/unroutable, agent.presence_changed, agent.signed_out */
  async function conversationActions(manager: SignedInAccount, staff: SignedInAccount): Promise<void> {
    await t.http().post('/api/v1/me/sign-in').set(bearer(staff.token)).expect(200);
    const routedToStaff = async (key: string) => {
      const intake = await received(t, 5, { language: 'hu' });
      secrets.push(intake.text, intake.handle);
      ids[key] = intake.conversationId;
      await waitForStatus(t, intake.conversationId, 'assigned');
      return `/api/v1/conversations/${intake.conversationId}`;
    };
    const answered = await routedToStaff('answered');
    await t.http().post(`${answered}/replies`).set(bearer(staff.token)).send({ text: 'Secret reply text 7f3a' }).expect(201);
    secrets.push('Secret reply text 7f3a');
    await t.http().post(`${answered}/resolve`).set(bearer(staff.token)).expect(200);
    const transferred = await routedToStaff('transferred');
    await t.http().post(`${transferred}/transfer`).set(bearer(manager.token)).send({ note: 'needs a refund specialist' }).expect(200);
    await routedToStaff('requeued');
    await t.http().put('/api/v1/me/presence').set(bearer(staff.token)).send({ status: 'away' }).expect(200);
    await t.http().post('/api/v1/me/sign-out').set(bearer(staff.token)).expect(200);
    // Nobody on the roster speaks hu now: the requeued conversation is flagged as unroutable.
    await waitUntil(
      async () => (await t.db.query(`SELECT 1 FROM events WHERE type = 'conversation.unroutable' AND subject_id = $1`, [ids.requeued])).rowCount === 1,
      'conversation.unroutable',
    );
    await received(t, 5, { language: 'ga', flightNumber: 'KL999' });
    await t.http().post('/api/v1/flights/KL999/replies').set(bearer(manager.token)).set('Idempotency-Key', 'event-types').send({ text: 'Rebooked' }).expect(200);
  }

  /** [type, actor, subject]: keys into `ids`; null means the event has none; undefined means not checked. */
  const expectations: [EventType, string | null | undefined, string | null | undefined][] = [
    ['auth.login_failed', 'manager', 'manager'],
    ['auth.session_started', 'manager', 'manager'],
    ['auth.session_ended', 'manager', 'manager'],
    ['user.created', 'admin', 'staff'],
    ['agent.updated', 'admin', 'staff'],
    ['agent.approved', 'admin', 'volunteer'],
    ['agent.imported', 'admin', null],
    ['incident.created', 'manager', 'incident'],
    ['incident.updated', 'manager', 'incident'],
    ['incident.closed', 'manager', 'incident'],
    ['surge.activated', 'manager', 'incident'],
    ['surge.deactivated', 'manager', 'incident'],
    ['invite.created', 'manager', 'incident'],
    ['volunteer.enrolled', undefined, 'volunteer'],
    ['volunteer.expired', 'manager', 'volunteer'],
    ['shift.created', 'manager', 'shift'],
    ['shift.claimed', 'staff', 'shift'],
    ['shift.released', 'staff', 'shift'],
    ['agent.signed_in', 'staff', 'staff'],
    ['agent.signed_out', 'staff', 'staff'],
    ['agent.presence_changed', 'staff', 'staff'],
    ['conversation.assigned', null, 'answered'],
    ['conversation.requeued', 'staff', 'requeued'],
    ['conversation.transferred', 'manager', 'transferred'],
    ['conversation.replied', 'staff', 'answered'],
    ['conversation.resolved', 'staff', 'answered'],
    ['conversation.unroutable', null, 'requeued'],
    ['routing_rule.changed', 'admin', 'rule'],
    ['flight.replied', 'manager', null],
  ];

  it('covers every event type', () => {
    expect(expectations.map(([type]) => type).sort()).toEqual([...EVENT_TYPES].sort());
  });

  it.each(expectations)('%s (actor %s, subject %s)', (type, actor, subject) => {
    const expected: Record<string, unknown> = { type };
    if (actor !== undefined) expected.actorId = actor === null ? null : ids[actor];
    if (subject !== undefined) expected.subjectId = subject === null ? null : ids[subject];
    expect(events).toContainEqual(expect.objectContaining(expected));
  });

  it('keeps passwords, invite codes, handles and message text out of every payload', () => {
    const serialized = JSON.stringify(events);
    for (const secret of secrets) expect(serialized).not.toContain(secret);
  });

  it('lists events newest first with strictly decreasing ids', () => {
    const ids = events.map((event) => BigInt(event.id));
    for (let i = 1; i < ids.length; i++) expect(ids[i] < ids[i - 1]).toBe(true);
  });
});
