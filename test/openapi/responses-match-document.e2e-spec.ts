import { createAccount, loginAdmin } from '../factories/accounts';
import { auth, passengerMessage, signedInAgent, waitForAssignment } from '../factories/conversations';
import { activateSurge, createIncident, createInvite, deactivateSurge, enrollVolunteer } from '../factories/incidents';
import { postIntake } from '../factories/intake';
import { createShift, minutesFromNow, newShiftBody } from '../factories/shifts';
import { OpenApiResponseValidator } from '../support/openapi-response-validator';
import { startTestApp, TestApp } from '../support/test-app';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

/**
 * The README's tour and its usual mistakes, every response checked against the OpenAPI document the
 * service serves: a DTO and its documentation that drift apart fail here. (Every spec on
 * startTestApp has its responses checked when it closes; this one makes sure a tour's worth is.)
 */
describe('Responses match the OpenAPI document', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });

  afterAll(async () => {
    await t?.close();
  });

  it('takes the tour: accounts, incidents, surge, volunteers, shifts, intake, conversations, figures', async () => {
    const admin = await loginAdmin(t);
    const as = auth(admin);
    await t.http().get('/api/v1/me').set(as).expect(200);
    const manager = await createAccount(t, admin, { role: 'incident_manager', languages: undefined, skills: undefined });
    await t.http().get('/api/v1/surge').set(as).expect(200);

    const incident = await createIncident(t, manager.token, { slaMinutes: 30 });
    await t.http().get('/api/v1/incidents').set(as).expect(200);
    await t.http().get(`/api/v1/incidents/${incident.id}`).set(as).expect(200);
    await t.http().patch(`/api/v1/incidents/${incident.id}`).set(as).send({ description: 'Volcanic ash over the North Sea' }).expect(200);
    await activateSurge(t, manager.token, incident.id);
    await t.http().get('/api/v1/surge').set(as).expect(200);
    const invite = await createInvite(t, manager.token, incident.id, { autoApprove: true });
    const volunteer = await enrollVolunteer(t, invite.code);

    const agent = await signedInAgent(t, admin, 'en');
    await t.http().get('/api/v1/agents').set(as).expect(200);
    await t.http().get(`/api/v1/agents/${agent.id}`).set(as).expect(200);
    await t.http().patch(`/api/v1/agents/${agent.id}`).set(as).send({ maxConcurrent: 4 }).expect(200);
    await t.http().get(`/api/v1/agents/${volunteer.id}`).set(as).expect(200);
    await t.http().get('/api/v1/me').set(auth(agent.token)).expect(200);

    const shift = await createShift(t, manager.token, { incidentId: incident.id });
    await t.http().get('/api/v1/shifts').set(as).expect(200);
    await t.http().get('/api/v1/shifts').set(auth(agent.token)).expect(200);
    await t.http().post(`/api/v1/shifts/${shift.id}/claim`).set(auth(agent.token)).expect(200);
    await t.http().delete(`/api/v1/shifts/${shift.id}/claim`).set(auth(agent.token)).expect(204);
    await t.http().get(`/api/v1/roster?from=${minutesFromNow(0)}&to=${minutesFromNow(240)}`).set(as).expect(200);
    await t.http().put('/api/v1/me/presence').set(auth(agent.token)).send({ status: 'away' }).expect(200);
    await t.http().put('/api/v1/me/presence').set(auth(agent.token)).send({ status: 'available' }).expect(200);

    const message = await passengerMessage(t, 'en', { flightNumber: 'KL1234' });
    await postIntake(t, JSON.stringify(message.body), 'sha256=0000').expect(401);
    await waitForAssignment(t, agent, message.conversationId);
    await t.http().get(`/api/v1/conversations/${message.conversationId}`).set(as).expect(200);
    await t.http().post(`/api/v1/conversations/${message.conversationId}/replies`).set(auth(agent.token)).send({ text: 'We are rebooking you.' }).expect(201);
    await t.http().post(`/api/v1/conversations/${message.conversationId}/notes`).set(auth(agent.token)).send({ text: 'Prefers the morning flight' }).expect(201);
    await t.http().get('/api/v1/me/conversations').set(auth(agent.token)).expect(200);
    await t.http().get(`/api/v1/conversations/${message.conversationId}`).set(auth(agent.token)).expect(200);
    await t.http().post(`/api/v1/conversations/${message.conversationId}/transfer`).set(auth(agent.token)).send({ note: 'needs refunds' }).expect(200);
    const second = await passengerMessage(t, 'en');
    await waitForAssignment(t, agent, second.conversationId);
    await t.http().post(`/api/v1/conversations/${second.conversationId}/resolve`).set(auth(agent.token)).expect(200);
    await t.http().get('/api/v1/conversations').set(as).expect(200);
    await t.http().get('/api/v1/conversations?status=resolved').set(as).expect(200);

    await t.http().get('/api/v1/routing/rules').set(as).expect(200);
    await t.http().post('/api/v1/routing/simulate').set(as).send({ channel: 'web', externalId: 'sim-1', from: { handle: 'p' }, text: 'Where is my bag?' }).expect(200);
    await t.http().get('/api/v1/stats/live').expect(200);
    await t.http().get('/api/v1/stats/agents').set(as).expect(200);
    await t.http().get('/api/v1/events').set(as).expect(200);
    await t.http().get('/api/v1/templates').set(as).expect(200);
    await t.http().get('/api/v1/flights').set(as).expect(200);

    await t.http().post('/api/v1/me/sign-out').set(auth(agent.token)).expect(200);
    await deactivateSurge(t, manager.token, incident.id);
    await t.http().post(`/api/v1/incidents/${incident.id}/close`).set(as).expect(200);
  });

  it('answers the usual mistakes with documented errors', async () => {
    const admin = await loginAdmin(t);
    const agent = await createAccount(t, admin);
    await t.http().post('/api/v1/auth/login').send({ email: agent.email, password: 'wrong-password-123' }).expect(401);
    await t.http().post('/api/v1/auth/login').send({ email: agent.email }).expect(400);
    await t.http().get('/api/v1/me').expect(401);
    await t.http().get('/api/v1/incidents').set(auth(agent.token)).expect(403);
    await t.http().get(`/api/v1/incidents/${UNKNOWN_ID}`).set(auth(admin)).expect(404);
    await t.http().get('/api/v1/incidents/not-a-uuid').set(auth(admin)).expect(400);
    await t.http().post('/api/v1/incidents').set(auth(admin)).send({ name: 'x', unknown: true }).expect(400);
    await t.http().post('/api/v1/users').set(auth(admin)).send({ email: agent.email, name: 'Again', password: 'correct-horse-battery', role: 'agent' }).expect(409);
    await t.http().post('/api/v1/shifts').set(auth(admin)).send(newShiftBody({ slots: 0 })).expect(400);
    await t.http().post(`/api/v1/shifts/${UNKNOWN_ID}/claim`).set(auth(agent.token)).expect(404);
    await t.http().post('/api/v1/volunteers/enroll').send({ inviteCode: 'NOPE-NOPE', name: 'V', email: 'v@airline.test', password: 'long-enough-pw', languages: [{ code: 'en', level: 5 }] }).expect(403);

    const first = await createIncident(t, admin);
    const second = await createIncident(t, admin);
    await activateSurge(t, admin, first.id);
    await t.http().post(`/api/v1/incidents/${second.id}/surge/activate`).set(auth(admin)).expect(409);
    await t.http().post(`/api/v1/incidents/${first.id}/close`).set(auth(admin)).expect(409);
    await deactivateSurge(t, admin, first.id);
  });

  it('has every response described by the document', async () => {
    const document = (await t.http().get('/docs-json').expect(200)).body;
    const validator = new OpenApiResponseValidator(document);
    const checked = t.received.filter((response) => response.path.startsWith('/api/'));
    const violations = checked.flatMap((response) => validator.violations(response));

    expect(violations).toEqual([]);
    const operations = new Set(checked.map((response) => `${response.method} ${response.path.replace(/[0-9a-f-]{36}/g, '{id}')}`));
    expect(checked.length).toBeGreaterThanOrEqual(60);
    expect(operations.size).toBeGreaterThanOrEqual(35);
    console.info(`checked ${checked.length} responses of ${operations.size} operations`);
  });
});
