import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../api/client';
import { useEventStream } from '../api/event-stream';
import { queryClient, readAgain } from '../api/query-client';
import { t } from '../i18n';
import { formatDateTime } from '../shared/time';
import { BackToConsole } from '../shared/ui/BackToConsole';
import { Feedback, messageOf } from '../shared/ui/Feedback';
import { Field } from '../shared/ui/Field';
import { type AuditEvent, EVENT_TYPES, type EventType, FEED_SIZE, mergeEvent } from './event-feed';

const STREAM_URL = '/api/v1/events/stream';
const eventsKey = (type: EventType | null) => ['events', type ?? 'all'] as const;

/** The audit trail, newest first, filtered by type and kept live by its event stream. */
export function EventFeedPage() {
  const [type, setType] = useState<EventType | null>(null);
  const events = useQuery({
    queryKey: eventsKey(type),
    queryFn: async (): Promise<readonly AuditEvent[]> =>
      unwrap(await api.GET('/api/v1/events', { params: { query: { limit: FEED_SIZE, ...(type ? { type } : {}) } } })).items,
  });
  const connected = useEventStream(STREAM_URL, {
    // A (re)connection reads the list again: what happened while disconnected is in it.
    onReady: () => void readAgain({ queryKey: ['events'] }),
    onMessage: (data) => {
      const event = JSON.parse(data) as AuditEvent;
      for (const shown of [null, event.type] as const) {
        const queryKey = eventsKey(shown);
        // Not read yet: the read in flight may predate the event, so it is read again.
        if (queryClient.getQueryData(queryKey) === undefined) void readAgain({ queryKey, exact: true });
        else queryClient.setQueryData<readonly AuditEvent[]>(queryKey, (list) => list && mergeEvent(list, event, shown));
      }
    },
  });

  return (
    <main id="main">
      <BackToConsole />
      <h1>{t.events.title}</h1>
      <p className="hint">{t.events.intro}</p>
      {!connected && <p role="status">{t.liveQueue.disconnected}</p>}
      <Field
        label={t.events.type}
        className="narrow-field"
        render={(a11y) => (
          <select {...a11y} value={type ?? ''} onChange={(e) => setType((e.target.value || null) as EventType | null)}>
            <option value="">{t.events.allTypes}</option>
            {EVENT_TYPES.map((option) => (
              <option key={option} value={option}>
                {option}
              </option>
            ))}
          </select>
        )}
      />
      <Feedback error={messageOf(events.error)} />
      {events.isPending ? (
        <p>{t.loading}</p>
      ) : events.data?.length ? (
        <ol className="cards" aria-label={t.events.list}>
          {events.data.map((event) => (
            <li key={event.id} className="card">
              <p className="card-title">{event.type}</p>
              <p className="meta">
                <time dateTime={event.at}>{formatDateTime(event.at)}</time>
                {event.subjectType ? ` · ${t.events.subject(String(event.subjectType), event.subjectId ? String(event.subjectId) : null)}` : ''}
                {event.actorId ? ` · ${t.events.actor(String(event.actorId))}` : ''}
              </p>
              {Object.keys(event.payload).length > 0 && <p className="code hint">{JSON.stringify(event.payload)}</p>}
            </li>
          ))}
        </ol>
      ) : (
        <p>{t.events.none}</p>
      )}
    </main>
  );
}
