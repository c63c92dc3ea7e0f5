import { useQuery } from '@tanstack/react-query';
import { api, type Schemas, unwrap } from '../api/client';
import type { Conversation } from './work-list';

export const ME_KEY = ['me'] as const;
export const SURGE_KEY = ['surge'] as const;
export const SHIFTS_KEY = ['shifts'] as const;
export const MY_CONVERSATIONS_KEY = ['me', 'conversations'] as const;
export const DEFAULT_SLA_MINUTES = 60;

export type Me = Schemas['MeViewDto'];
export type Shift = Schemas['ShiftViewDto'];

export function useMe() {
  return useQuery({ queryKey: ME_KEY, queryFn: async () => unwrap(await api.GET('/api/v1/me')), refetchInterval: 30_000 });
}

export function useSurge() {
  return useQuery({ queryKey: SURGE_KEY, queryFn: async () => unwrap(await api.GET('/api/v1/surge')), refetchInterval: 60_000 });
}

export function useMyConversations(enabled: boolean) {
  return useQuery({
    queryKey: MY_CONVERSATIONS_KEY,
    queryFn: async (): Promise<Conversation[]> => unwrap(await api.GET('/api/v1/me/conversations')),
    enabled,
    // The work stream keeps the list current; this only catches a passenger's follow-up messages.
    refetchInterval: 20_000,
  });
}

/** Shifts that have not ended, soonest first (GET /shifts filters by `from`: those ending after it). */
export function useShifts(enabled: boolean) {
  return useQuery({
    queryKey: SHIFTS_KEY,
    queryFn: async () => unwrap(await api.GET('/api/v1/shifts', { params: { query: { from: new Date().toISOString(), limit: 200 } } })).items,
    enabled,
    refetchInterval: 30_000,
  });
}
