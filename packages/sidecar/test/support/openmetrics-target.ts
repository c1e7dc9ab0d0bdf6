/** A scrape target that serves a fixed OpenMetrics page, standing in for the service. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A running target; `address` is `127.0.0.1:<port>`, the sidecar's LOOKOUT_METRICS_TARGET. */
export interface OpenMetricsTarget extends AsyncDisposable {
  readonly address: string;
  /** How many times it was scraped, and with which Accept header last. */
  readonly scrapes: { count: number; accept: string };
}

const CONTENT_TYPE = 'application/openmetrics-text; version=1.0.0; charset=utf-8';

/** Serves `page` at /metrics on a free port. */
export async function startOpenMetricsTarget(page: string): Promise<OpenMetricsTarget> {
  const scrapes = { count: 0, accept: '' };
  const server = createServer((request, response) => {
    scrapes.count++;
    scrapes.accept = request.headers.accept ?? '';
    if (request.url !== '/metrics') return void response.writeHead(404).end();
    response.writeHead(200, { 'content-type': CONTENT_TYPE }).end(page);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));

  const { port } = server.address() as AddressInfo;
  return {
    address: `127.0.0.1:${port}`,
    scrapes,
    [Symbol.asyncDispose]: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
