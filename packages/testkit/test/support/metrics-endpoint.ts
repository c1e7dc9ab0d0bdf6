/** A tiny prom-client endpoint for Prometheus to scrape in tests. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Counter, type OpenMetricsContentType, Registry } from 'prom-client';

export const EXEMPLAR_TRACE_ID = '6e0c63257de34c92bf9efcd03927272e';

/**
 * Serves `/metrics` in OpenMetrics (needed for exemplars) with one counter,
 * `testkit_orders_total{route="/orders"}`, at 5 with a trace-id exemplar.
 */
export async function startMetricsEndpoint() {
  // prom-client's typings omit the constructor argument and type exemplar label names as
  // metric label names, hence setContentType and the widened label type below.
  const registry = new Registry<OpenMetricsContentType>();
  registry.setContentType(Registry.OPENMETRICS_CONTENT_TYPE);
  const orders = new Counter<'route' | 'trace_id'>({
    name: 'testkit_orders_total',
    help: 'Orders created',
    labelNames: ['route'],
    registers: [registry],
    enableExemplars: true,
  });
  orders.inc({
    labels: { route: '/orders' },
    value: 5,
    exemplarLabels: { trace_id: EXEMPLAR_TRACE_ID },
  });

  const server = createServer(async (_, response) => {
    response.writeHead(200, { 'content-type': registry.contentType });
    response.end(await registry.metrics());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    target: `127.0.0.1:${port}`,
    orders,
    [Symbol.asyncDispose]: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
