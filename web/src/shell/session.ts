import { useMutation, useQuery } from '@tanstack/react-query';
import { api, type Schemas, unwrap, useCsrfToken, whenSessionRefused } from '../api/client';
import { queryClient } from '../api/query-client';

export type Session = Schemas['SessionResponseDto'];
export type SessionUser = Session['user'];

export const SESSION_KEY = ['session'] as const;
/** How often an open screen asks whether its session still holds (a session that ends shows the log-in form within 10 s). */
export const SESSION_POLL_MS = 4000;

function remember(session: Session | null): Session | null {
  useCsrfToken(session?.csrfToken ?? null);
  if (!session) queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== SESSION_KEY[0] });
  return session;
}

async function readSession(): Promise<Session | null> {
  const result = await api.GET('/api/v1/auth/session');
  if (result.response.status === 401 || result.response.status === 403) return remember(null);
  return remember(unwrap(result));
}

/** Any refused request makes the session be read again at once, instead of at the next poll. */
whenSessionRefused(() => {
  if (queryClient.getQueryData(SESSION_KEY)) void queryClient.invalidateQueries({ queryKey: SESSION_KEY }, { cancelRefetch: false });
});

/** The browser session: null when logged out (or suspended, expired); re-read every few seconds. */
export function useSession() {
  return useQuery({
    queryKey: SESSION_KEY,
    queryFn: readSession,
    refetchInterval: SESSION_POLL_MS,
    refetchIntervalInBackground: true,
    staleTime: 0,
  });
}

export function sessionEnded(): void {
  queryClient.setQueryData(SESSION_KEY, remember(null));
}

export function useLogIn() {
  return useMutation({
    mutationFn: async (credentials: Schemas['LoginDto']) => unwrap(await api.POST('/api/v1/auth/session', { body: credentials })),
    onSuccess: (session) => {
      remember(null);
      queryClient.setQueryData(SESSION_KEY, remember(session));
    },
  });
}

export function useLogOut() {
  return useMutation({
    mutationFn: async () => {
      const result = await api.DELETE('/api/v1/auth/session');
      if (!result.response.ok && result.response.status !== 401) unwrap(result);
    },
    onSettled: () => sessionEnded(),
  });
}

export const isManager = (user: SessionUser) => user.role === 'admin' || user.role === 'incident_manager';
