import { MessageEvent } from '@nestjs/common';
import { concat, defer, endWith, ignoreElements, interval, map, merge, Observable, takeUntil } from 'rxjs';
import { EventViewDto } from './dto/event-view.dto';

/** Keeps idle streams open through proxies that cut silent connections (nginx defaults to 60 s). */
const HEARTBEAT_MS = 25_000;

/**
 * The Server-Sent Events of a live feed: `ready` once subscribed (every event committed after it is
 * delivered), then one `message` per event with its id as SSE id, and `ping`s while idle.
 */
export function serverSentEvents(events: Observable<EventViewDto>, startListening: () => Promise<void>): Observable<MessageEvent> {
  // The feed completes on shutdown; the pings must stop with it or the response never ends.
  const shutdown = events.pipe(ignoreElements(), endWith(null));
  const messages = events.pipe(map((event): MessageEvent => ({ id: event.id, data: event })));
  const pings = interval(HEARTBEAT_MS).pipe(map((): MessageEvent => ({ type: 'ping', data: {} })));
  const ready = defer(startListening).pipe(map((): MessageEvent => ({ type: 'ready', data: {} })));
  return concat(ready, merge(messages, pings)).pipe(takeUntil(shutdown));
}
