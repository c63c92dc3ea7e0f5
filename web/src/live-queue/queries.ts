import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';

/** The figures of now, which every event may change; the history is read on its own, once a minute. */
export const LIVE_KEY = ['live-queue', 'now'] as const;
const HISTORY_KEY = ['live-queue', 'history'] as const;
const HISTORY_HOURS = 6;
const HISTORY_BUCKET_MINUTES = 10;
/** The service caches the live figures this long: reading them more often shows nothing new. */
export const LIVE_FIGURES_TTL_MS = 5_000;
const LONGEST_WAITING = 10;

/**
 * The live figures. Intake records no event, so a new conversation that nobody takes yet changes
 * nothing on the event stream: they are also read again once per cache lifetime, as /status does.
 */
export function useLiveFigures() {
  return useQuery({
    queryKey: [...LIVE_KEY, 'figures'],
    // `no-store`: the response may be cached by the browser for 5 s, and an event says it is stale.
    queryFn: async () => unwrap(await api.GET('/api/v1/stats/live', { cache: 'no-store' })),
    refetchInterval: LIVE_FIGURES_TTL_MS,
  });
}

/** The longest-waiting conversations: queued ones, oldest first (the list's own order). */
export function useLongestWaiting() {
  return useQuery({
    queryKey: [...LIVE_KEY, 'longest-waiting'],
    queryFn: async () => unwrap(await api.GET('/api/v1/conversations', { params: { query: { status: 'queued', limit: LONGEST_WAITING } } })).items,
    refetchInterval: LIVE_FIGURES_TTL_MS,
  });
}

export function useHistory() {
  return useQuery({
    queryKey: HISTORY_KEY,
    queryFn: async () => unwrap(await api.GET('/api/v1/stats/history', { params: { query: { hours: HISTORY_HOURS, bucketMinutes: HISTORY_BUCKET_MINUTES } } })),
    refetchInterval: 60_000,
  });
}

export const HISTORY_SPAN = { hours: HISTORY_HOURS, bucketMinutes: HISTORY_BUCKET_MINUTES };
