/**
 * An HTTP server on loopback that can go away and come back on the same port.
 *
 * Outage tests need a backend that really disappears (connection refused, keep-alive sockets
 * reset) and later returns where the sender expects it, which a plain `server.close()` does not
 * give: close waits for idle keep-alive connections and forgets the port.
 */
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** Where a {@link RestartableServer} listens. */
export interface ListenOptions {
  /** Default `127.0.0.1`; tests never listen beyond loopback. */
  host?: string;
  /** Default 0: the OS picks a free port, kept for restarts. */
  port?: number;
}

/** A listening HTTP server with `stop`/`restart` on a fixed port. */
export class RestartableServer {
  readonly host: string;
  readonly #handler: RequestListener;
  readonly #sockets = new Set<Socket>();
  #server: Server | undefined;
  #port: number;

  private constructor(handler: RequestListener, host: string, port: number) {
    this.#handler = handler;
    this.host = host;
    this.#port = port;
  }

  /** Creates the server and waits until it listens. */
  static async start(handler: RequestListener, options: ListenOptions = {}) {
    const server = new RestartableServer(handler, options.host ?? '127.0.0.1', options.port ?? 0);
    await server.restart();
    return server;
  }

  /** The port, fixed after the first listen. */
  get port(): number {
    return this.#port;
  }

  /** `http://host:port`, no trailing slash. */
  get origin(): string {
    return `http://${this.host}:${this.#port}`;
  }

  get listening(): boolean {
    return this.#server !== undefined;
  }

  /** Listens again on the same port; a no-op while listening. */
  async restart(): Promise<void> {
    if (this.#server) return;
    const server = createServer({ keepAliveTimeout: 30_000 }, this.#handler);
    server.on('connection', (socket) => {
      this.#sockets.add(socket);
      socket.once('close', () => this.#sockets.delete(socket));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.#port, this.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    this.#port = (server.address() as AddressInfo).port;
    this.#server = server;
  }

  /** Stops listening and resets every open connection, as a crashed backend would. */
  async stop(): Promise<void> {
    const server = this.#server;
    if (!server) return;
    this.#server = undefined;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    for (const socket of this.#sockets) socket.destroy();
    this.#sockets.clear();
    await closed;
  }
}
