import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import type { ConversationFilters } from './filters';

export const CONVERSATIONS_KEY = ['conversations'] as const;
const PAGE = 100;

/** Conversations in queue age order, filtered, a page at a time; re-read while the screen is open. */
export function useConversations(filters: ConversationFilters) {
  return useInfiniteQuery({
    queryKey: [...CONVERSATIONS_KEY, 'list', filters],
    initialPageParam: null as string | null,
    queryFn: async ({ pageParam }) =>
      unwrap(await api.GET('/api/v1/conversations', { params: { query: { ...filters, limit: PAGE, ...(pageParam ? { cursor: pageParam } : {}) } } })),
    getNextPageParam: (page) => page.nextCursor,
    refetchInterval: 15_000,
  });
}

export function useConversation(id: string) {
  return useQuery({
    queryKey: [...CONVERSATIONS_KEY, 'one', id],
    queryFn: async () => unwrap(await api.GET('/api/v1/conversations/{id}', { params: { path: { id } } })),
    refetchInterval: 15_000,
  });
}

/** Agents' names by id, from the figures managers may read (GET /agents is the admin's). */
export function useAgentDirectory() {
  return useQuery({
    queryKey: ['agents', 'directory'],
    queryFn: async () => {
      const page = unwrap(await api.GET('/api/v1/stats/agents', { params: { query: { limit: 500 } } }));
      return page.items.map((agent) => ({ id: agent.agentId, name: agent.name }));
    },
    staleTime: 60_000,
  });
}
