import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LocalServer {
  /** Origin with a trailing slash, e.g. `http://localhost:41234/`. */
  url: string;
  close(): Promise<void>;
}

/**
 * Starts `server` on a free port of 127.0.0.1 and names it `localhost`: an origin of its
 * own, so the stand-in API is cross-origin as in production.
 */
export async function listenLocally(server: Server): Promise<LocalServer> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://localhost:${(server.address() as AddressInfo).port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
