/** Pure logic of the conversations filter: the address's query string to the API's filters and back (so a filtered list is a deep link). */

export const STATUSES = ['queued', 'assigned', 'resolved'] as const;
export const CHANNELS = ['twitter', 'facebook', 'whatsapp', 'email', 'sms', 'web'] as const;

export interface ConversationFilters {
  status?: (typeof STATUSES)[number];
  language?: string;
  channel?: (typeof CHANNELS)[number];
  agentId?: string;
  flightNumber?: string;
}

const FILTER_KEYS = ['status', 'language', 'channel', 'agentId', 'flightNumber'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

const oneOf = <T extends string>(options: readonly T[], value: string | null): T | undefined => (options as readonly string[]).includes(value ?? '') ? (value as T) : undefined;

/** Only what the API accepts is taken from the address; anything else is left out, not sent. */
export function filtersFrom(params: URLSearchParams): ConversationFilters {
  const filters: ConversationFilters = {
    status: oneOf(STATUSES, params.get('status')),
    language: /^([a-z]{2}|und)$/.test(params.get('language') ?? '') ? params.get('language')! : undefined,
    channel: oneOf(CHANNELS, params.get('channel')),
    agentId: /^[0-9a-f-]{36}$/i.test(params.get('agentId') ?? '') ? params.get('agentId')! : undefined,
    flightNumber: params.get('flightNumber')?.trim() || undefined,
  };
  return Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== undefined)) as ConversationFilters;
}

/** The filters with one changed (an empty value removes it), as the address's query string. */
export function withFilter(filters: ConversationFilters, key: FilterKey, value: string): URLSearchParams {
  const next: Record<string, string> = { ...filters } as Record<string, string>;
  if (value.trim()) next[key] = value.trim();
  else delete next[key];
  return new URLSearchParams(FILTER_KEYS.filter((name) => next[name]).map((name) => [name, next[name]]));
}
