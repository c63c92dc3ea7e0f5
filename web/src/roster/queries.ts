import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';

export const ROSTER_KEY = ['roster'] as const;
export const ROSTER_HOURS = 24;

export interface RosterWindow {
  from: string;
  to: string;
}

/** The coverage per hour and language and the shifts of the same hours, re-read as agents claim and sign in. */
export function useRoster(range: RosterWindow | null) {
  return useQuery({
    queryKey: [...ROSTER_KEY, 'coverage', range?.from, range?.to],
    enabled: range !== null,
    queryFn: async () => unwrap(await api.GET('/api/v1/roster', { params: { query: { from: range!.from, to: range!.to, bucketMinutes: 60 } } })),
    refetchInterval: 15_000,
  });
}

export function useShifts(range: RosterWindow | null) {
  return useQuery({
    queryKey: [...ROSTER_KEY, 'shifts', range?.from, range?.to],
    enabled: range !== null,
    queryFn: async () => unwrap(await api.GET('/api/v1/shifts', { params: { query: { from: range!.from, to: range!.to, limit: 500 } } })).items,
    refetchInterval: 15_000,
  });
}
