import { TestApp } from '../support/test-app';

const MINUTE_MS = 60_000;

/** An ISO timestamp `minutes` from now (negative for the past). */
export function minutesFromNow(minutes: number): string {
  return new Date(Date.now() + minutes * MINUTE_MS).toISOString();
}

/** A fresh POST /shifts body: a 4-hour shift starting in an hour, 5 slots. */
export function newShiftBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { startsAt: minutesFromNow(60), endsAt: minutesFromNow(300), slots: 5, ...overrides };
}

export interface CreatedShift {
  id: string;
  startsAt: string;
  endsAt: string;
  slots: number;
  claimed: number;
  incidentId: string | null;
}

export async function createShift(t: TestApp, managerToken: string, overrides: Record<string, unknown> = {}): Promise<CreatedShift> {
  const response = await t.http().post('/api/v1/shifts').set('Authorization', `Bearer ${managerToken}`).send(newShiftBody(overrides)).expect(201);
  return response.body as CreatedShift;
}

export async function claimShift(t: TestApp, agentToken: string, shiftId: string): Promise<void> {
  await t.http().post(`/api/v1/shifts/${shiftId}/claim`).set('Authorization', `Bearer ${agentToken}`).expect(200);
}

export async function signIn(t: TestApp, agentToken: string): Promise<void> {
  await t.http().post('/api/v1/me/sign-in').set('Authorization', `Bearer ${agentToken}`).expect(200);
}

/**
 * Moves a shift (and the window copied onto its claims) by `minutes`. Time travel for tests only:
 * the API refuses shifts that have already ended, so an ended shift can only be arranged this way.
 */
export async function shiftWindowBy(t: TestApp, shiftId: string, minutes: number): Promise<void> {
  const interval = `${minutes} minutes`;
  await t.db.query(`UPDATE shifts SET starts_at = starts_at + $2::interval, ends_at = ends_at + $2::interval WHERE id = $1`, [shiftId, interval]);
  await t.db.query(
    `UPDATE shift_claims SET starts_at = starts_at + $2::interval, ends_at = ends_at + $2::interval WHERE shift_id = $1`,
    [shiftId, interval],
  );
}
