import { DEFAULT_PASSWORD, login, uniqueEmail } from './accounts';
import { TestApp } from '../support/test-app';

/** Incidents, surge, invites and volunteer enrollment, arranged through the HTTP API only. */

export interface IncidentView {
  id: string;
  name: string;
  description: string | null;
  status: 'open' | 'closed';
  surgeActive: boolean;
  surgeActivatedAt: string | null;
  slaMinutes: number;
  createdAt: string;
  surgeHistory: { action: 'activated' | 'deactivated'; actorId: string | null; actorName: string | null; at: string }[];
}

export interface InviteView {
  code: string;
  incidentId: string;
  maxUses: number;
  uses: number;
  expiresAt: string | null;
  autoApprove: boolean;
}

export interface EnrolledVolunteer {
  id: string;
  status: 'active' | 'pending';
  email: string;
  password: string;
}

export interface SurgeWithVolunteer {
  incidentId: string;
  inviteCode: string;
  volunteer: { id: string; email: string; password: string; token: string };
}

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

export async function createIncident(
  t: TestApp,
  token: string,
  overrides: Record<string, unknown> = {},
): Promise<IncidentView> {
  const body = { name: `Ash cloud ${Date.now().toString(36)}`, description: 'Airspace closed', ...overrides };
  const response = await t.http().post('/api/v1/incidents').set(auth(token)).send(body).expect(201);
  return response.body as IncidentView;
}

export async function activateSurge(t: TestApp, token: string, incidentId: string): Promise<IncidentView> {
  const response = await t.http().post(`/api/v1/incidents/${incidentId}/surge/activate`).set(auth(token)).expect(200);
  return response.body as IncidentView;
}

export async function deactivateSurge(t: TestApp, token: string, incidentId: string): Promise<IncidentView> {
  const response = await t.http().post(`/api/v1/incidents/${incidentId}/surge/deactivate`).set(auth(token)).expect(200);
  return response.body as IncidentView;
}

export async function createInvite(
  t: TestApp,
  token: string,
  incidentId: string,
  overrides: Record<string, unknown> = {},
): Promise<InviteView> {
  const response = await t
    .http()
    .post(`/api/v1/incidents/${incidentId}/invites`)
    .set(auth(token))
    .send(overrides)
    .expect(201);
  return response.body as InviteView;
}

/** A fresh POST /volunteers/enroll body: new email, a valid password, English native. */
export function newEnrollBody(inviteCode: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    inviteCode,
    name: 'Test Volunteer',
    email: uniqueEmail('volunteer'),
    password: DEFAULT_PASSWORD,
    languages: [{ code: 'en', level: 5 }],
    ...overrides,
  };
}

export async function enrollVolunteer(
  t: TestApp,
  inviteCode: string,
  overrides: Record<string, unknown> = {},
): Promise<EnrolledVolunteer> {
  const body = newEnrollBody(inviteCode, overrides);
  const response = await t.http().post('/api/v1/volunteers/enroll').send(body).expect(201);
  return {
    id: response.body.id as string,
    status: response.body.status as EnrolledVolunteer['status'],
    email: body.email as string,
    password: body.password as string,
  };
}

/**
 * Opens an incident, switches its surge on, issues an auto-approve invite and enrolls one signed-in
 * volunteer. Only one surge can be active at a time, so call it at most once per open surge.
 * `overrides` go to the enrollment body (languages, skills, maxConcurrent, ...).
 */
export async function startSurgeWithVolunteer(
  t: TestApp,
  managerOrAdminToken: string,
  overrides: Record<string, unknown> = {},
): Promise<SurgeWithVolunteer> {
  const incident = await createIncident(t, managerOrAdminToken);
  await activateSurge(t, managerOrAdminToken, incident.id);
  const invite = await createInvite(t, managerOrAdminToken, incident.id, { autoApprove: true });
  const volunteer = await enrollVolunteer(t, invite.code, overrides);
  const token = await login(t, volunteer.email, volunteer.password);
  return {
    incidentId: incident.id,
    inviteCode: invite.code,
    volunteer: { id: volunteer.id, email: volunteer.email, password: volunteer.password, token },
  };
}
