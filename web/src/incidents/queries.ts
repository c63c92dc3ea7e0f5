import { useQuery } from '@tanstack/react-query';
import { api, type Schemas, unwrap } from '../api/client';

export type Incident = Schemas['IncidentViewDto'];
export type Invite = Schemas['InviteViewDto'];

export const INCIDENTS_KEY = ['incidents'] as const;
export const incidentKey = (id: string) => [...INCIDENTS_KEY, id] as const;

/** Incidents, newest first (the first page: an incident console rarely holds more than a few). */
export function useIncidents() {
  return useQuery({
    queryKey: INCIDENTS_KEY,
    queryFn: async () => unwrap(await api.GET('/api/v1/incidents', { params: { query: { limit: 100 } } })).items,
  });
}

export const invitesKey = (incidentId: string) => [...incidentKey(incidentId), 'invites'] as const;

/** The incident's invites, newest first, their uses re-read every so often (volunteers enroll meanwhile). */
export function useInvites(incidentId: string) {
  return useQuery({
    queryKey: invitesKey(incidentId),
    queryFn: async () => unwrap(await api.GET('/api/v1/incidents/{id}/invites', { params: { path: { id: incidentId }, query: { limit: 100 } } })).items,
    refetchInterval: 15_000,
  });
}

export function useIncident(id: string) {
  return useQuery({
    queryKey: incidentKey(id),
    queryFn: async () => unwrap(await api.GET('/api/v1/incidents/{id}', { params: { path: { id } } })),
  });
}
