/**
 * A remote-write relay between the sidecars and Prometheus. The sidecars are configured once with
 * the relay's URL; a test can then start a fresh Prometheus for each scenario and point the relay
 * at it, without restarting the sidecars (whose WAL keeps what arrives meanwhile). It can also
 * spoil writes on their way, so that Prometheus itself rejects them.
 */
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buffer } from 'node:stream/consumers';

/** A running relay; see {@link startRemoteWriteRelay}. */
export interface RemoteWriteRelay extends AsyncDisposable {
  /** The URL the sidecars write to (`LOOKOUT_PROMETHEUS_REMOTE_WRITE_URL`). */
  readonly url: string;
  /** Sends the following writes to this Prometheus (its base URL). */
  setUpstream(prometheusUrl: string): void;
  /**
   * While on, every second write reaches Prometheus cut in half, which it cannot decode and
   * answers with 400, counting it as any rejection. The sidecar re-sends a rejected batch at every
   * flush, so once this is off everything arrives, late and partly out of order.
   */
  setRejecting(on: boolean): void;
  stop(): Promise<void>;
}

// The headers that make a body a remote-write request; anything else stays behind.
const FORWARDED_HEADERS = [
  'content-type',
  'content-encoding',
  'user-agent',
  'x-prometheus-remote-write-version',
];

/** Starts a relay on loopback. Without an upstream it answers 503, which the sidecar retries. */
export async function startRemoteWriteRelay(): Promise<RemoteWriteRelay> {
  const state: RelayState = { upstream: undefined, rejecting: false, writes: 0 };
  // A sender that hangs up mid-body leaves nothing to answer.
  const server = createServer((request, response) => {
    relay(request, response, state).catch(() => response.destroy());
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const stop = () => close(server);

  return {
    url: `http://127.0.0.1:${port}/api/v1/write`,
    setUpstream: (url) => {
      state.upstream = url.replace(/\/+$/, '');
    },
    setRejecting: (on) => {
      state.rejecting = on;
    },
    stop,
    [Symbol.asyncDispose]: stop,
  };
}

interface RelayState {
  upstream: string | undefined;
  rejecting: boolean;
  /** Writes relayed so far, to spoil every second one. */
  writes: number;
}

async function relay(
  request: IncomingMessage,
  response: ServerResponse,
  state: RelayState,
): Promise<void> {
  const whole = await buffer(request);
  if (state.upstream === undefined) return answer(response, 503, 'no Prometheus yet');
  state.writes += 1;
  const spoil = state.rejecting && state.writes % 2 === 0;
  const body = spoil ? whole.subarray(0, Math.floor(whole.length / 2)) : whole;

  try {
    const upstream = await fetch(`${state.upstream}/api/v1/write`, {
      method: 'POST',
      headers: forwardedHeaders(request),
      body,
    });
    return answer(response, upstream.status, await upstream.text());
  } catch (error) {
    // A Prometheus being swapped out: retryable, as a restarting Prometheus would be.
    return answer(response, 503, String(error));
  }
}

function forwardedHeaders(request: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name of FORWARDED_HEADERS) {
    const value = request.headers[name];
    if (typeof value === 'string') headers[name] = value;
  }
  return headers;
}

function answer(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { 'content-type': 'text/plain' }).end(text);
}

async function close(server: Server): Promise<void> {
  if (!server.listening) return;
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}
