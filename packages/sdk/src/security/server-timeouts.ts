import type { Server, ServerOptions } from 'node:http';
import type { ServerTimeoutsConfig } from './config/security-config.ts';

/**
 * Options for `http.createServer(options, app)`: the same limits as `applyServerTimeouts`, plus
 * the header size limit, which only exists as a constructor option.
 */
export function serverOptions(config: ServerTimeoutsConfig): ServerOptions {
  return {
    headersTimeout: config.headersTimeoutMs,
    requestTimeout: config.requestTimeoutMs,
    keepAliveTimeout: config.keepAliveTimeoutMs,
    connectionsCheckingInterval: config.connectionsCheckingIntervalMs,
    maxHeaderSize: config.maxHeaderBytes,
  };
}

/**
 * Sets the timeouts that close slow clients on a server, e.g. the one `app.listen()` returns:
 * - `headersTimeout`: the whole header block must arrive in time, which ends a slowloris
 *   connection that sends one header line every few seconds;
 * - `requestTimeout`: the same for the whole request, which ends a slow body upload;
 * - `keepAliveTimeout`: how long an idle connection may wait for its next request.
 * Node enforces the first two on a timer (`connectionsCheckingInterval`, 30 s by default), so
 * that interval is shortened too. It is read when the server starts listening: call this
 * right after `app.listen()` (the same tick) or before `listen` for it to count.
 */
export function applyServerTimeouts(server: Server, config: ServerTimeoutsConfig): Server {
  server.headersTimeout = config.headersTimeoutMs;
  server.requestTimeout = config.requestTimeoutMs;
  server.keepAliveTimeout = config.keepAliveTimeoutMs;
  // Not in the typings as a writable field, but a plain property Node reads at 'listening'.
  (server as Server & { connectionsCheckingInterval: number }).connectionsCheckingInterval =
    config.connectionsCheckingIntervalMs;
  return server;
}
