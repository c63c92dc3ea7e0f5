import { createAccount, login, loginAdmin, SignedInAccount } from '../factories/accounts';
import { enrollVolunteer, startSurgeWithVolunteer } from '../factories/incidents';
import { claimShift, createShift, minutesFromNow, shiftWindowBy, signIn } from '../factories/shifts';
import { pollUntil } from '../support/routing-invariants';
import { startTestApp, TestApp } from '../support/test-app';

describe('automatic sign-out after a volunteer shift ends', () => {
  let t: TestApp;
  let adminToken: string;
  let manager: SignedInAccount;
  let incidentId: string;
  let inviteCode: string;
  let firstVolunteer: { id: string; token: string };

  beforeAll(async () => {
    t = await startTestApp({ SHIFT_SWEEP_INTERVAL_MS: '200' });
    adminToken = await loginAdmin(t);
    manager = await createAccount(t, adminToken, { role: 'incident_manager', languages: undefined });
    const surge = await startSurgeWithVolunteer(t, manager.token);
    ({ incidentId, inviteCode } = surge);
    firstVolunteer = surge.volunteer;
  });
  afterAll(() => t.close());

  const newVolunteer = async () => {
    const volunteer = await enrollVolunteer(t, inviteCode);
    return { id: volunteer.id, token: await login(t, volunteer.email, volunteer.password) };
  };
  /** A running shift (started 30 minutes ago, ends in 60) claimed by the volunteer, who signs in. */
  const onShift = async (volunteer: { token: string }) => {
    const shift = await createShift(t, manager.token, { startsAt: minutesFromNow(-30), endsAt: minutesFromNow(60), incidentId });
    await claimShift(t, volunteer.token, shift.id);
    await signIn(t, volunteer.token);
    return shift;
  };
  const presenceOf = async (token: string) =>
    (await t.http().get('/api/v1/me').set('Authorization', `Bearer ${token}`).expect(200)).body.presence as string;

  it('signs out a volunteer 15 minutes after its shift ended, and nobody else', async () => {
    const due = firstVolunteer;
    const inGrace = await newVolunteer();
    const handedOver = await newVolunteer();
    const staff = await createAccount(t, adminToken);

    const dueShift = await onShift(due);
    const graceShift = await onShift(inGrace);
    const firstHalf = await onShift(handedOver);
    const secondHalf = await createShift(t, manager.token, { startsAt: firstHalf.endsAt, endsAt: minutesFromNow(180), incidentId });
    await claimShift(t, handedOver.token, secondHalf.id);
    await signIn(t, staff.token);

    // Time travel (the API cannot move or create ended shifts): the first shift ended 16 minutes
    // ago, the second 5 minutes ago, the third 16 minutes ago with the follow-up shift running.
    await shiftWindowBy(t, dueShift.id, -76);
    await shiftWindowBy(t, graceShift.id, -65);
    await shiftWindowBy(t, firstHalf.id, -76);
    await shiftWindowBy(t, secondHalf.id, -76);

    expect(await pollUntil(() => presenceOf(due.token), (presence) => presence === 'offline', { timeoutMs: 15_000 })).toBe('offline');

    // The sweep that signed out the first one looked at the others in the same query.
    expect(await presenceOf(inGrace.token)).toBe('available');
    expect(await presenceOf(handedOver.token)).toBe('available');
    expect(await presenceOf(staff.token)).toBe('available');

    const row = await t.db.query(`SELECT presence, signed_in_at FROM agents WHERE user_id = $1`, [due.id]);
    expect(row.rows[0]).toEqual({ presence: 'offline', signed_in_at: null });
    const events = await t.db.query(`SELECT actor_id, payload FROM events WHERE type = 'agent.signed_out' AND subject_id = $1`, [due.id]);
    expect(events.rows).toEqual([{ actor_id: null, payload: { reason: 'shift_ended' } }]);

    const again = await t.http().post('/api/v1/me/sign-in').set('Authorization', `Bearer ${due.token}`).expect(409);
    expect(again.body.message).toContain('no claimed shift now');
  });
});
