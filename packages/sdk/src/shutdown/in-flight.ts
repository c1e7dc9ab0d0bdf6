import type { IncomingMessage, Server, ServerResponse } from 'node:http';

export interface InFlightTracker {
  /** Requests started and not yet finished. */
  readonly count: number;
  /**
   * Stops accepting, lets in-flight requests finish for up to `graceMs`, then closes what is
   * left. Resolves true when every request finished in time.
   */
  close(graceMs: number): Promise<boolean>;
}

/** Counts a server's in-flight requests so shutdown knows when they have drained. */
export function trackInFlight(server: Server): InFlightTracker {
  let inFlight = 0;
  let closing = false;
  let onIdle: (() => void) | undefined;

  server.on('request', (_req: IncomingMessage, res: ServerResponse) => {
    inFlight++;
    // Keep-alive clients are told to reconnect elsewhere once shutdown has begun.
    if (closing && !res.headersSent) res.setHeader('Connection', 'close');
    res.once('close', () => {
      inFlight--;
      if (closing) server.closeIdleConnections();
      if (inFlight === 0) onIdle?.();
    });
  });

  return {
    get count() {
      return inFlight;
    },
    close(graceMs) {
      closing = true;
      const idle = new Promise<boolean>((resolve) => {
        if (inFlight === 0) resolve(true);
        onIdle = () => resolve(true);
      });
      const timeout = new Promise<boolean>((resolve) =>
        setTimeout(() => resolve(false), graceMs).unref(),
      );
      server.close();
      server.closeIdleConnections();
      return Promise.race([idle, timeout]).then((drained) => {
        if (!drained) server.closeAllConnections();
        return drained;
      });
    },
  };
}
