import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './client';

/** Server state lives here (and in the event stream that invalidates it), never in globals of our own. */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      retry: (failures, error) => !(error instanceof ApiError && error.status < 500) && failures < 2,
      refetchOnWindowFocus: true,
    },
    mutations: { retry: false },
  },
});
