/**
 * The Bull queues the metrics and the admin dashboard watch (names as registered in
 * routing/routing.queue.ts and conversations/outbound.queue.ts).
 * A name no module registered is skipped, so this list may run ahead of the modules.
 */
export const MONITORED_QUEUES = ['routing', 'outbound'] as const;
