import { INestApplication } from '@nestjs/common';
import type { Server } from 'node:http';
import { Draining } from './draining';

/** Orchestrators wait about this long (Kubernetes: 30 s) before killing; we promise a third of it. */
export const SHUTDOWN_DEADLINE_MS = 10_000;

/**
 * On SIGTERM or SIGINT: stop accepting connections, end the event streams, let in-flight requests
 * and jobs finish while Nest closes the modules, and exit; past the deadline, exit regardless.
 */
export function shutDownGracefullyOnSignals(app: INestApplication, server: Server, say: (line: string) => void): void {
  let stopping = false;
  const stop = async (signal: NodeJS.Signals): Promise<void> => {
    if (stopping) return;
    stopping = true;
    say(`${signal}: draining, exiting within ${SHUTDOWN_DEADLINE_MS / 1000} s`);
    setTimeout(() => {
      say(`still draining after ${SHUTDOWN_DEADLINE_MS / 1000} s: exiting now`);
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS).unref();
    app.get(Draining).begin();
    server.close();
    server.closeIdleConnections();
    await app.close();
    process.exit(0);
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, (received) => void stop(received));
}

/** While draining, each response asks its client to reconnect elsewhere instead of reusing this connection. */
export function closeConnectionsWhileDraining(app: INestApplication): void {
  const draining = app.get(Draining);
  app.use((_request: unknown, response: { setHeader(name: string, value: string): void }, next: () => void) => {
    if (draining.isDraining) response.setHeader('Connection', 'close');
    next();
  });
}
