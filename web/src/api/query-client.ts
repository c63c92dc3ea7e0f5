import { QueryClient, type QueryFilters } from '@tanstack/react-query';
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

/**
 * Reads the matching queries again after the server changed, so they show the change. Invalidating
 * alone would not, while a query's first read is still in flight: TanStack Query then hands back that
 * read, which may have left the server before the change; so a read in flight is cancelled first.
 */
export async function readAgain(filters: QueryFilters): Promise<void> {
  await queryClient.cancelQueries(filters);
  await queryClient.invalidateQueries(filters);
}
