import { useEffect, useState } from 'react';
import { SESSION_KEY } from '../shell/session';
import { queryClient } from './query-client';

const REOPEN_AFTER_MS = 3000;

export interface EventStreamHandlers {
  /** The stream is live (first connection or a reconnection): read again what may have been missed. */
  onReady: () => void;
  onMessage: (data: string) => void;
}

/**
 * A Server-Sent Events stream of the service over the session cookie, open while the component is
 * mounted; answers whether it is connected. An error makes the session be re-read (a stream closed
 * because the session ended turns the screen into the log-in form); the browser reconnects by itself
 * after a network drop, and a refused reconnection is retried after a pause.
 */
export function useEventStream(url: string, handlers: EventStreamHandlers, key: unknown = url): boolean {
  const [connected, setConnected] = useState(true);

  useEffect(() => {
    let source: EventSource | null = null;
    let reopen: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;

    const open = () => {
      source = new EventSource(url);
      source.addEventListener('ready', () => {
        setConnected(true);
        handlers.onReady();
      });
      source.addEventListener('message', (message: MessageEvent<string>) => handlers.onMessage(message.data));
      source.onerror = () => {
        setConnected(false);
        void queryClient.invalidateQueries({ queryKey: SESSION_KEY }, { cancelRefetch: false });
        if (source?.readyState === EventSource.CLOSED && !stopped) {
          source.close();
          reopen = setTimeout(open, REOPEN_AFTER_MS);
        }
      };
    };

    open();
    return () => {
      stopped = true;
      clearTimeout(reopen);
      source?.close();
    };
    // The stream is reopened only for another url or key, not for new handler functions.
  }, [url, key]);

  return connected;
}
