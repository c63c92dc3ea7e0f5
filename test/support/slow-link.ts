import { AddressInfo, createServer, Server, Socket } from 'net';

export interface SlowLink {
  /** Where to connect instead of the target. */
  port: number;
  close: () => Promise<void>;
}

/**
 * A TCP proxy to `target` that holds everything the target sends for `delayMs` (in order), as a
 * far-away or busy network would: what a process hears from its Redis arrives late, while its
 * own requests go out at once.
 */
export async function slowLink(target: { host: string; port: number }, delayMs: number): Promise<SlowLink> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = new Socket();
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => undefined);
    }
    upstream.connect(target.port, target.host);
    client.pipe(upstream);
    upstream.on('data', (chunk: Buffer) => setTimeout(() => client.write(chunk), delayMs));
    upstream.on('close', () => setTimeout(() => client.destroy(), delayMs));
    client.on('close', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
