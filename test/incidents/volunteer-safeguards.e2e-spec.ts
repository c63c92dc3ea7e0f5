import { randomUUID } from 'crypto';
import { createAccount, login, loginAdmin, SignedInAccount } from '../factories/accounts';
import { activateSurge, createIncident, createInvite, enrollVolunteer, IncidentView, newEnrollBody } from '../factories/incidents';
import { createShift } from '../factories/shifts';
import { startTestApp, TestApp } from '../support/test-app';

const HOUR_MS = 3_600_000;

/** Incident settings that protect volunteers: PATCH /incidents/:id, the 24-hour claim limit, the enrollment cap. */
describe('volunteer safeguards', () => {
  let t: TestApp;
  let adminToken: string;
  let manager: SignedInAccount;
  let staff: SignedInAccount;
  let surge: IncidentView;
  let inviteCode: string;

  beforeAll(async () => {
    t = await startTestApp();
    adminToken = await loginAdmin(t);
    manager = await createAccount(t, adminToken, { role: 'incident_manager', languages: undefined });
    staff = await createAccount(t, adminToken);
    surge = await createIncident(t, manager.token, { name: 'Strike', maxShiftHoursPer24h: 12, volunteerMaxConcurrent: 4 });
    await activateSurge(t, manager.token, surge.id);
    inviteCode = (await createInvite(t, manager.token, surge.id)).code;
  });
  afterAll(() => t?.close());

  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const patch = (id: string, token: string, body: Record<string, unknown>) =>
    t.http().patch(`/api/v1/incidents/${id}`).set(as(token)).send(body);

  async function newVolunteer(): Promise<SignedInAccount> {
    const enrolled = await enrollVolunteer(t, inviteCode);
    return { id: enrolled.id, email: enrolled.email, password: enrolled.password, token: await login(t, enrolled.email, enrolled.password) };
  }

  describe('incident settings', () => {
    it('defaults to 12 hours per 24 and 3 conversations, and keeps given values', async () => {
      const plain = await createIncident(t, manager.token);
      expect(plain).toMatchObject({ maxShiftHoursPer24h: 12, volunteerMaxConcurrent: 3 });
      expect(surge).toMatchObject({ maxShiftHoursPer24h: 12, volunteerMaxConcurrent: 4 });
    });

    it.each([
      ['maxShiftHoursPer24h', { name: 'x', maxShiftHoursPer24h: 0 }],
      ['maxShiftHoursPer24h', { name: 'x', maxShiftHoursPer24h: 25 }],
      ['maxShiftHoursPer24h', { name: 'x', maxShiftHoursPer24h: 1.5 }],
      ['volunteerMaxConcurrent', { name: 'x', volunteerMaxConcurrent: 0 }],
      ['volunteerMaxConcurrent', { name: 'x', volunteerMaxConcurrent: 21 }],
      ['volunteerMaxConcurrent', { name: 'x', volunteerMaxConcurrent: null }],
    ])('POST names %s when it is out of range (case %#)', async (field, body) => {
      const response = await t.http().post('/api/v1/incidents').set(as(manager.token)).send(body).expect(400);
      expect(response.body.message).toContain(field);
    });
  });

  describe('PATCH /incidents/:id', () => {
    it('changes the settings given and keeps the others, recording incident.updated', async () => {
      const incident = await createIncident(t, manager.token, { name: 'Fog', slaMinutes: 45 });
      const response = await patch(incident.id, manager.token, { maxShiftHoursPer24h: 8, volunteerMaxConcurrent: 2 }).expect(200);
      expect(response.body).toMatchObject({ id: incident.id, name: 'Fog', slaMinutes: 45, maxShiftHoursPer24h: 8, volunteerMaxConcurrent: 2 });
      const renamed = await patch(incident.id, adminToken, { name: 'Dense fog', slaMinutes: 30 }).expect(200);
      expect(renamed.body).toMatchObject({ name: 'Dense fog', slaMinutes: 30, maxShiftHoursPer24h: 8, volunteerMaxConcurrent: 2 });
      const events = await t.db.query(`SELECT actor_id, payload FROM events WHERE type = 'incident.updated' AND subject_id = $1 ORDER BY id`, [incident.id]);
      expect(events.rows).toEqual([
        { actor_id: manager.id, payload: { changed: ['maxShiftHoursPer24h', 'volunteerMaxConcurrent'] } },
        { actor_id: expect.any(String), payload: { changed: ['name', 'slaMinutes'] } },
      ]);
    });

    it.each([
      ['maxShiftHoursPer24h', { maxShiftHoursPer24h: 25 }],
      ['volunteerMaxConcurrent', { volunteerMaxConcurrent: 0 }],
      ['slaMinutes', { slaMinutes: 'soon' }],
      ['name', { name: '   ' }],
      ['surgeActive', { surgeActive: true }],
    ])('names %s when it is invalid (case %#)', async (field, body) => {
      const response = await patch(surge.id, manager.token, body).expect(400);
      expect(response.body.message).toContain(field);
    });

    it('needs a token (401), the incident manager role (403), a known incident (404) and an open one (409)', async () => {
      await t.http().patch(`/api/v1/incidents/${surge.id}`).send({ volunteerMaxConcurrent: 2 }).expect(401);
      const refused = await patch(surge.id, staff.token, { volunteerMaxConcurrent: 2 }).expect(403);
      expect(refused.body.message).toContain('incident_manager');
      await patch(randomUUID(), manager.token, { volunteerMaxConcurrent: 2 }).expect(404);
      await patch('not-a-uuid', manager.token, { volunteerMaxConcurrent: 2 }).expect(400);
      const closed = await createIncident(t, manager.token);
      await t.http().post(`/api/v1/incidents/${closed.id}/close`).set(as(manager.token)).expect(200);
      const conflict = await patch(closed.id, manager.token, { volunteerMaxConcurrent: 2 }).expect(409);
      expect(conflict.body.message).toContain('closed');
    });
  });

  describe('enrollment and volunteerMaxConcurrent', () => {
    it("takes the incident's value when maxConcurrent is absent, and accepts up to it", async () => {
      const absent = await enrollVolunteer(t, inviteCode);
      const atLimit = await enrollVolunteer(t, inviteCode, { maxConcurrent: 4 });
      const { rows } = await t.db.query(`SELECT user_id, max_concurrent FROM agents WHERE user_id = ANY($1::uuid[])`, [[absent.id, atLimit.id]]);
      expect(Object.fromEntries(rows.map((row) => [row.user_id, row.max_concurrent]))).toEqual({ [absent.id]: 4, [atLimit.id]: 4 });
    });

    it('refuses a maxConcurrent above it with 400 naming the limit, without using the invite', async () => {
      const invite = await createInvite(t, manager.token, surge.id, { maxUses: 1 });
      const response = await t.http().post('/api/v1/volunteers/enroll').send(newEnrollBody(invite.code, { maxConcurrent: 5 })).expect(400);
      expect(response.body.message).toContain('maxConcurrent');
      expect(response.body.message).toContain('volunteerMaxConcurrent');
      expect(response.body.message).toContain('4');
      const uses = await t.db.query('SELECT uses FROM invites WHERE code = $1', [invite.code]);
      expect(uses.rows[0].uses).toBe(0);
    });

    it('lets an admin raise it per agent afterwards', async () => {
      const volunteer = await enrollVolunteer(t, inviteCode);
      const response = await t.http().patch(`/api/v1/agents/${volunteer.id}`).set(as(adminToken)).send({ maxConcurrent: 8 }).expect(200);
      expect(response.body.maxConcurrent).toBe(8);
    });
  });

  describe('the 24-hour claim limit', () => {
    /** A 1-slot shift of the surge from `from` to `to` hours after `base`. */
    async function shiftAt(base: number, from: number, to: number): Promise<string> {
      const shift = await createShift(t, manager.token, {
        startsAt: new Date(base + from * HOUR_MS).toISOString(),
        endsAt: new Date(base + to * HOUR_MS).toISOString(),
        slots: 1,
        incidentId: surge.id,
      });
      return shift.id;
    }
    const claim = (token: string, shiftId: string) => t.http().post(`/api/v1/shifts/${shiftId}/claim`).set(as(token));
    /** A fresh day far enough ahead that every shift of a case starts in the future. */
    const nextBase = (() => {
      let day = 2;
      return () => Date.now() + day++ * 3 * 24 * HOUR_MS;
    })();

    it('accepts claims adding up to exactly the limit and refuses the hour past it with 409 naming the limit', async () => {
      const volunteer = await newVolunteer();
      const base = nextBase();
      await claim(volunteer.token, await shiftAt(base, 0, 8)).expect(200);
      await claim(volunteer.token, await shiftAt(base, 8, 12)).expect(200);
      const over = await shiftAt(base, 12, 13);
      const response = await claim(volunteer.token, over).expect(409);
      expect(response.body.message).toContain('12 hours');
      expect(response.body.message).toContain('maxShiftHoursPer24h');
      // The refused claim took no slot: someone else can still have it.
      const other = await newVolunteer();
      await claim(other.token, over).expect(200);
    });

    it('counts any 24-hour window: 23 hours after the first start is inside it, 24 hours after is not', async () => {
      const volunteer = await newVolunteer();
      const base = nextBase();
      await claim(volunteer.token, await shiftAt(base, 0, 8)).expect(200);
      await claim(volunteer.token, await shiftAt(base, 8, 12)).expect(200);
      await claim(volunteer.token, await shiftAt(base, 23, 24)).expect(409);
      await claim(volunteer.token, await shiftAt(base, 24, 25)).expect(200);
      await claim(volunteer.token, await shiftAt(base, -12, -11)).expect(409);
    });

    it('applies a lowered limit to the next claim', async () => {
      const volunteer = await newVolunteer();
      const base = nextBase();
      await claim(volunteer.token, await shiftAt(base, 0, 6)).expect(200);
      await patch(surge.id, manager.token, { maxShiftHoursPer24h: 6 }).expect(200);
      try {
        const response = await claim(volunteer.token, await shiftAt(base, 6, 7)).expect(409);
        expect(response.body.message).toContain('6 hours');
      } finally {
        await patch(surge.id, manager.token, { maxShiftHoursPer24h: 12 }).expect(200);
      }
    });

    it('does not limit staff', async () => {
      const base = nextBase();
      await claim(staff.token, await shiftAt(base, 0, 12)).expect(200);
      await claim(staff.token, await shiftAt(base, 12, 24)).expect(200);
    });

    it('holds under concurrent claims: of three 8-hour shifts within one day, exactly one is claimed', async () => {
      const volunteer = await newVolunteer();
      const base = nextBase();
      const shifts = [await shiftAt(base, 0, 8), await shiftAt(base, 8, 16), await shiftAt(base, 16, 24)];
      const codes = (await Promise.all(shifts.map((id) => claim(volunteer.token, id)))).map((response) => response.status);
      // Any two of them make 16 hours in one day: whichever claim goes first, the others are refused.
      expect(codes.sort()).toEqual([200, 409, 409]);
      const { rows } = await t.db.query(`SELECT starts_at, ends_at FROM shift_claims WHERE agent_id = $1`, [volunteer.id]);
      const hours = rows.reduce((sum, row) => sum + (row.ends_at.getTime() - row.starts_at.getTime()) / HOUR_MS, 0);
      expect(hours).toBeLessThanOrEqual(12);
      const claimed = await t.db.query(`SELECT sum(claimed)::int AS n FROM shifts WHERE id = ANY($1::uuid[])`, [shifts]);
      expect(claimed.rows[0].n).toBe(rows.length);
    });
  });
});
