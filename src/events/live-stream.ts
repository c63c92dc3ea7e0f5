import { MessageEvent } from '@nestjs/common';
import { interval, Observable } from 'rxjs';
import { EventViewDto } from './dto/event-view.dto';

/** Keeps idle streams open through proxies that cut silent connections (nginx defaults to 60 s). */
const HEARTBEAT_MS = 25_000;

/** One stream's source of events: live ones as they commit, and those a reconnecting client missed. */
export interface LiveFeed {
  /** Committed events for this stream; completes when the application shuts down. */
  live: Observable<EventViewDto>;
  /** Resolves once every event committed from then on will arrive on `live`. */
  startListening(): Promise<void>;
  /** The events after this id that this stream would have carried (bounded window), oldest first. */
  missedSince(lastEventId: string): Promise<EventViewDto[]>;
  /** The newest event id now: where a stream that missed nothing starts. */
  latestId(): Promise<string>;
}

/**
 * The Server-Sent Events of a live feed. First `ready` once subscribed, then, for a client that
 * reconnects with `Last-Event-ID`, the events it missed, then one `message` per live event. Every
 * message carries an id, and `ready` and the idle `ping`s carry the id of the last event delivered,
 * so whatever a client last saw is a valid `Last-Event-ID`. The stream ends when the feed completes
 * (shutdown) or when `accessLost` emits (log-out, suspension, expiry).
 *
 * Live events are buffered while the missed ones are read, so an event committed meanwhile is
 * neither lost nor sent twice.
 */
export function serverSentEvents(feed: LiveFeed, lastEventId: string | null, accessLost: Observable<unknown>): Observable<MessageEvent> {
  return new Observable<MessageEvent>((subscriber) => {
    let cursor = lastEventId ?? '0';
    let buffered: EventViewDto[] | null = [];
    // Only while catching up can an event arrive both ways (read as missed and buffered live).
    let caughtUp: Set<string> | null = new Set();
    const deliver = (event: EventViewDto) => {
      if (caughtUp?.has(event.id)) return;
      caughtUp?.add(event.id);
      cursor = event.id;
      subscriber.next({ id: event.id, data: event });
    };

    const live = feed.live.subscribe({
      next: (event) => (buffered ? buffered.push(event) : deliver(event)),
      complete: () => subscriber.complete(),
      error: (error: unknown) => subscriber.error(error),
    });
    const ended = accessLost.subscribe(() => subscriber.complete());
    const pings = interval(HEARTBEAT_MS).subscribe(() => subscriber.next({ id: cursor, type: 'ping', data: {} }));

    void (async () => {
      await feed.startListening();
      const missed = lastEventId ? await feed.missedSince(lastEventId) : [];
      if (!lastEventId) cursor = await feed.latestId();
      subscriber.next({ id: cursor, type: 'ready', data: {} });
      for (const event of missed) deliver(event);
      const waiting = buffered ?? [];
      buffered = null;
      for (const event of waiting) deliver(event);
      caughtUp = null;
    })().catch((error: unknown) => subscriber.error(error));

    return () => {
      live.unsubscribe();
      ended.unsubscribe();
      pings.unsubscribe();
    };
  });
}
