import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';

export const RULES_KEY = ['rules'] as const;
export const AGENT_NAMES_KEY = ['agents', 'names'] as const;

/** The rules in evaluation order, with the ruleset version. */
export function useRules() {
  return useQuery({ queryKey: RULES_KEY, queryFn: async () => unwrap(await api.GET('/api/v1/routing/rules')) });
}

/** Agents' names by id, for the simulate panel's candidates (which carry ids only). */
export function useAgentNames() {
  return useQuery({
    queryKey: AGENT_NAMES_KEY,
    queryFn: async () => {
      const page = unwrap(await api.GET('/api/v1/agents', { params: { query: { limit: 500 } } }));
      return new Map(page.items.map((agent) => [agent.id, agent.name]));
    },
  });
}
