import { createContext, type ReactNode, useContext } from 'react';
import { useEventStream } from '../api/event-stream';
import { queryClient, readAgain } from '../api/query-client';
import { ME_KEY, MY_CONVERSATIONS_KEY } from './queries';
import { applyWorkEvent, type Conversation, type WorkEvent } from './work-list';

const STREAM_URL = '/api/v1/me/conversations/stream';

const Connected = createContext(true);
export const useWorkStreamConnected = () => useContext(Connected);

/**
 * The agent's work stream (Server-Sent Events over the session cookie) keeps "My conversations" live:
 * each event updates the cached list; every (re)connection reads the list again to catch up on what
 * was missed.
 */
export function WorkStream({ agentId, children }: { agentId: string; children: ReactNode }) {
  const connected = useEventStream(
    STREAM_URL,
    {
      onReady: () => void readAgain({ queryKey: MY_CONVERSATIONS_KEY }),
      onMessage: (data) => {
        const event = JSON.parse(data) as WorkEvent;
        const list = queryClient.getQueryData<Conversation[]>(MY_CONVERSATIONS_KEY);
        // Not read yet: the read that answers may predate the event, so it is read again.
        const update = list ? applyWorkEvent(list, event, agentId) : { list, refetch: true };
        if (update.list !== list) queryClient.setQueryData(MY_CONVERSATIONS_KEY, update.list);
        if (update.refetch) void readAgain({ queryKey: MY_CONVERSATIONS_KEY });
        void queryClient.invalidateQueries({ queryKey: ME_KEY, exact: true });
      },
    },
    agentId,
  );
  return <Connected.Provider value={connected}>{children}</Connected.Provider>;
}
