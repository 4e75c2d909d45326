import { type AddressInfo, connect, createServer, type Socket } from 'node:net';

/** A TCP link to an HTTP endpoint that can go down: while down, every connection is reset (ECONNRESET). */
export interface SwitchableLink {
  /** `http://127.0.0.1:PORT` of the link. */
  url: string;
  /** Resets open connections (the SDK keeps them alive) and every new one until `up`. */
  down(): void;
  up(): void;
  close(): Promise<void>;
}

/** Opens a link on a free port to `upstream` (`http://127.0.0.1:PORT`). */
export async function openSwitchableLink(upstream: string): Promise<SwitchableLink> {
  const target = new URL(upstream);
  const open = new Set<Socket>();
  let isDown = false;
  const server = createServer((socket) => {
    if (isDown) return void socket.resetAndDestroy();
    const forward = connect(Number(target.port), target.hostname);
    open.add(socket);
    socket.on('close', () => open.delete(socket));
    socket.on('error', () => forward.destroy());
    forward.on('error', () => socket.destroy());
    socket.pipe(forward).pipe(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    down: () => {
      isDown = true;
      for (const socket of open) socket.resetAndDestroy();
    },
    up: () => {
      isDown = false;
    },
    close: () => {
      for (const socket of open) socket.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
