import { createAccount, login, loginAdmin, SignedInAccount } from '../factories/accounts';
import { createIncident, enrollVolunteer, startSurgeWithVolunteer } from '../factories/incidents';
import { claimShift, createShift, minutesFromNow } from '../factories/shifts';
import { startTestApp, TestApp } from '../support/test-app';

describe('volunteers: claiming shifts and signing in', () => {
  let t: TestApp;
  let adminToken: string;
  let manager: SignedInAccount;
  let incidentId: string;
  let inviteCode: string;

  beforeAll(async () => {
    t = await startTestApp();
    adminToken = await loginAdmin(t);
    manager = await createAccount(t, adminToken, { role: 'incident_manager', languages: undefined });
    ({ incidentId, inviteCode } = await startSurgeWithVolunteer(t, manager.token));
  });
  afterAll(() => t.close());

  const newVolunteer = async () => {
    const volunteer = await enrollVolunteer(t, inviteCode);
    return { id: volunteer.id, token: await login(t, volunteer.email, volunteer.password) };
  };
  const signIn = (token: string) => t.http().post('/api/v1/me/sign-in').set('Authorization', `Bearer ${token}`);
  const presenceOf = async (id: string) => (await t.db.query(`SELECT presence FROM agents WHERE user_id = $1`, [id])).rows[0].presence;
  const incidentShift = (startsIn: number, endsIn: number) =>
    createShift(t, manager.token, { startsAt: minutesFromNow(startsIn), endsAt: minutesFromNow(endsIn), incidentId });

  describe('POST /shifts/:id/claim', () => {
    it('lets a volunteer claim a shift of its own incident and one of no incident', async () => {
      const volunteer = await newVolunteer();
      const own = await incidentShift(600, 660);
      const general = await createShift(t, manager.token, { startsAt: minutesFromNow(700), endsAt: minutesFromNow(760) });
      expect(own.incidentId).toBe(incidentId);
      await claimShift(t, volunteer.token, own.id);
      await claimShift(t, volunteer.token, general.id);
    });

    it("answers 403 when a volunteer claims another incident's shift", async () => {
      const volunteer = await newVolunteer();
      const other = await createIncident(t, manager.token);
      const shift = await createShift(t, manager.token, { incidentId: other.id });
      const response = await t.http().post(`/api/v1/shifts/${shift.id}/claim`).set('Authorization', `Bearer ${volunteer.token}`).expect(403);
      expect(response.body.message).toContain('own incident');
      const row = await t.db.query(`SELECT claimed FROM shifts WHERE id = $1`, [shift.id]);
      expect(row.rows[0].claimed).toBe(0);
    });
  });

  describe('POST /me/sign-in', () => {
    it('signs in a volunteer inside a claimed shift', async () => {
      const volunteer = await newVolunteer();
      await claimShift(t, volunteer.token, (await incidentShift(-30, 60)).id);
      const response = await signIn(volunteer.token).expect(200);
      expect(response.body).toEqual({ presence: 'available', signedInAt: expect.any(String) });
      expect(await presenceOf(volunteer.id)).toBe('available');
      const events = await t.db.query(`SELECT payload FROM events WHERE type = 'agent.signed_in' AND subject_id = $1`, [volunteer.id]);
      expect(events.rows).toEqual([{ payload: { kind: 'volunteer' } }]);
    });

    it('lets a volunteer sign in up to 15 minutes before its claimed shift', async () => {
      const volunteer = await newVolunteer();
      await claimShift(t, volunteer.token, (await incidentShift(14, 120)).id);
      await signIn(volunteer.token).expect(200);
    });

    it('answers 409 more than 15 minutes before the claimed shift', async () => {
      const volunteer = await newVolunteer();
      await claimShift(t, volunteer.token, (await incidentShift(17, 120)).id);
      const response = await signIn(volunteer.token).expect(409);
      expect(response.body.message).toContain('no claimed shift now');
      expect(await presenceOf(volunteer.id)).toBe('offline');
    });

    it('answers 409 for a volunteer without any claimed shift', async () => {
      const volunteer = await newVolunteer();
      const response = await signIn(volunteer.token).expect(409);
      expect(response.body.message).toContain('no claimed shift now');
    });

    it('answers 409 when its claimed shift has ended', async () => {
      const volunteer = await newVolunteer();
      const shift = await incidentShift(-30, 60);
      await claimShift(t, volunteer.token, shift.id);
      // Time travel: the API cannot create a shift that has ended.
      await t.db.query(`UPDATE shifts SET ends_at = now() - interval '1 minute' WHERE id = $1`, [shift.id]);
      await t.db.query(`UPDATE shift_claims SET ends_at = now() - interval '1 minute' WHERE shift_id = $1`, [shift.id]);
      const response = await signIn(volunteer.token).expect(409);
      expect(response.body.message).toContain('no claimed shift now');
    });

    it("answers 409 when the volunteer's incident has no active surge", async () => {
      const volunteer = await newVolunteer();
      await claimShift(t, volunteer.token, (await incidentShift(-30, 60)).id);
      // The API ends a surge and expires its volunteers in one transaction, so "account active,
      // surge off" only exists inside that race; set the flag directly to exercise the check.
      await t.db.query(`UPDATE incidents SET surge_active = false WHERE id = $1`, [incidentId]);
      try {
        const response = await signIn(volunteer.token).expect(409);
        expect(response.body.message).toContain('surge not active');
        expect(await presenceOf(volunteer.id)).toBe('offline');
      } finally {
        await t.db.query(`UPDATE incidents SET surge_active = true WHERE id = $1`, [incidentId]);
      }
    });
  });
});
