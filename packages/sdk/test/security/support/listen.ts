import { createServer, type RequestListener, type Server, type ServerOptions } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A server listening on an ephemeral loopback port; disposing closes every connection. */
export interface Listening extends AsyncDisposable {
  readonly url: string;
  readonly port: number;
  readonly server: Server;
}

/** Serves `handler` (an Express app) on 127.0.0.1 and a port the OS picks. */
export async function listen(
  handler: RequestListener,
  options: ServerOptions = {},
  configure: (server: Server) => void = () => {},
): Promise<Listening> {
  const server = createServer(options, handler);
  configure(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    server,
    [Symbol.asyncDispose]: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
