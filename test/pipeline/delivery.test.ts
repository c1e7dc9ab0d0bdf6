/**
 * End-to-end delivery: requests to the example services, instrumented by the SDK, reach Tempo,
 * Loki and Prometheus through each service's own sidecar, correlated by trace id and scrubbed
 * of secrets on the way.
 */
import { readFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import {
  EXEMPLAR_TRACE_ID_LABEL,
  HTTP_LABELS,
  HTTP_SERVER_REQUEST_DURATION,
  RESOURCE_LABELS,
} from '@lookout/sdk/metric-names';
import type { OtlpAttributes, OtlpSpan, PromSample } from '@lookout/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonText } from './support/json-text.ts';
import {
  ENVIRONMENT,
  type PipelineStack,
  type ServiceName,
  startPipelineStack,
} from './support/pipeline-stack.ts';
import {
  ALL_SECRETS,
  HEADER_SECRETS,
  LOGGED_SECRET,
  QUERY_SECRET,
} from './support/planted-secrets.ts';
import { sendRefusedAdminRequest } from './support/refused-admin-request.ts';
import { requestCounterQueries } from './support/request-counters.ts';
import { logsOfRequests, spansOfRequests } from './support/request-telemetry.ts';
import { ROUTES } from './support/routes.ts';
import {
  expectedStatusCounts,
  type PlannedRequest,
  runTraffic,
  type TrafficResult,
} from './support/traffic.ts';

const WAIT = { timeoutMs: 30_000 };

let stack: PipelineStack;
let traffic: TrafficResult;
let adminTraceId: string;
let serviceVersion: string;

beforeAll(async () => {
  stack = await startPipelineStack();
  const manifest = new URL('../../packages/example-service/package.json', import.meta.url);
  serviceVersion = (JSON.parse(await readFile(manifest, 'utf8')) as { version: string }).version;

  traffic = await runTraffic({
    ordersUrl: stack.services.orders.url,
    rps: 20,
    durationMs: 2000,
    headers: HEADER_SECRETS,
    query: `api_key=${QUERY_SECRET}`,
  });
  adminTraceId = await sendRefusedAdminRequest(stack.services.orders, LOGGED_SECRET);
});

afterAll(async () => {
  await stack?.stop();
});

const ofKind = (kind: PlannedRequest['kind']) => traffic.requests.filter((r) => r.kind === kind);
const inTrace = (traceId: string) => (record: { traceId: string | undefined }) =>
  record.traceId === traceId;
const serverSpanOf = (trace: readonly OtlpSpan[], service: ServiceName) =>
  trace.find((s) => s.kind === 'server' && s.resource['service.name'] === service);

const spansOfEveryRequest = () => spansOfRequests(stack.tempo, traffic.requests);
const logsOfEveryRequest = () => logsOfRequests(stack.loki, traffic.requests);

function expectServiceResource(resource: OtlpAttributes, service: ServiceName): void {
  expect(resource).toMatchObject({
    'service.name': service,
    'service.version': serviceVersion,
    'deployment.environment.name': ENVIRONMENT,
    'host.name': hostname(),
    'process.pid': stack.services[service].process.pid,
  });
  expect(resource['service.instance.id']).toEqual(expect.any(String));
}

describe('delivery from the services through their sidecars', () => {
  it('answers the traffic as a client expects', () => {
    expect(traffic.load.statusCounts).toEqual(expectedStatusCounts(traffic));
  });

  it("delivers each request's server span under the caller's span, named by route", async () => {
    const spans = await spansOfEveryRequest();

    for (const { context, kind } of traffic.requests) {
      const server = serverSpanOf(spans.filter(inTrace(context.traceId)), 'orders');
      expect(server?.parentSpanId).toBe(context.parentSpanId);
      expect(server?.attributes['http.route']).toBe(
        kind === 'order' ? ROUTES.orders : ROUTES.lookup,
      );
    }
  });

  it('joins both services in one trace per order, through the client span', async () => {
    const spans = await spansOfEveryRequest();

    for (const { context } of ofKind('order')) {
      const trace = spans.filter(inTrace(context.traceId));
      const client = trace.find(
        (s) => s.kind === 'client' && String(s.attributes['url.path']).endsWith('/reservations'),
      );
      const inventory = serverSpanOf(trace, 'inventory');
      expect(client?.resource['service.name']).toBe('orders');
      expect(inventory?.parentSpanId).toBe(client?.spanId);
      expect(inventory?.attributes['http.route']).toBe(ROUTES.reservation);
    }
  });

  it("stamps every span with its service's resource", async () => {
    const spans = await spansOfEveryRequest();

    for (const span of spans) {
      expectServiceResource(span.resource, span.resource['service.name'] as ServiceName);
    }
  });

  it("delivers each request's log record with its trace id, span and resource", async () => {
    const spans = await spansOfEveryRequest();
    const records = await logsOfEveryRequest();

    for (const { context, kind, lookupId } of traffic.requests) {
      const [record, ...extra] = records.filter(inTrace(context.traceId));
      const spanIds = spans.filter(inTrace(context.traceId)).map((s) => s.spanId);
      expect(extra).toEqual([]);
      expect(spanIds).toContain(record?.spanId);
      expectServiceResource(record?.resource ?? {}, 'orders');
      if (kind === 'order') {
        expect(record?.body).toBe('order created');
        expect(record?.attributes.orderId).toEqual(expect.any(String));
      } else {
        expect(record?.body).toBe('request rejected');
        expect(record?.attributes.detail).toContain(lookupId);
      }
    }
  });

  it('masks a secret that reached a log call', async () => {
    const [record] = await stack.loki.logs.waitFor(inTrace(adminTraceId), WAIT);

    expect(record?.body).toBe('admin authentication failed');
    expect(record?.attributes.admin).toEqual({ method: 'PUT', path: '/token=[REDACTED]' });
  });

  it('masks a secret sent in the query string before it leaves the host', async () => {
    const spans = await spansOfEveryRequest();
    const servers = spans.filter(
      (s) => s.kind === 'server' && s.resource['service.name'] === 'orders',
    );

    expect(servers).toHaveLength(traffic.requests.length);
    for (const span of servers) expect(span.attributes['url.query']).toBe('****');
  });

  it('lets no planted secret reach Tempo or Loki', async () => {
    await spansOfEveryRequest();
    await logsOfEveryRequest();
    await stack.loki.logs.waitFor(inTrace(adminTraceId), WAIT);
    const delivered = jsonText([stack.tempo.spans.all, stack.loki.logs.all]);

    for (const secret of ALL_SECRETS) expect(delivered).not.toContain(secret);
  });

  it('makes request rates queryable in Prometheus by route template and environment', async () => {
    const expected = [
      `orders ${ROUTES.orders}`,
      `orders ${ROUTES.lookup}`,
      `inventory ${ROUTES.reservation}`,
    ];
    const routesOf = (samples: PromSample[]) =>
      samples.map((s) => `${s.labels.job} ${s.labels[HTTP_LABELS.route]}`);
    const environment = `${RESOURCE_LABELS.environment}="${ENVIRONMENT}"`;
    const selector = `${HTTP_SERVER_REQUEST_DURATION}_count{${environment}}`;
    const rates = await stack.prometheus.waitForQuery(
      `sum by (job, ${HTTP_LABELS.route}) (rate(${selector}[1m]))`,
      (result) => expected.every((route) => routesOf(result.samples).includes(route)),
      WAIT,
    );
    const routes = routesOf(rates.samples);

    expect(routes).toEqual(expect.arrayContaining(expected));
    expect(routes.filter((route) => /[0-9a-f]{8}-[0-9a-f]{4}/.test(route))).toEqual([]);
  });

  it('counts every request in Prometheus', async () => {
    for (const { query, answered } of requestCounterQueries([traffic])) {
      const result = await stack.prometheus.waitForQuery(
        query,
        (r) => r.samples[0]?.value === answered,
        WAIT,
      );
      expect(result.samples[0]?.value, query).toBe(answered);
    }
  });

  it('returns exemplars whose trace ids are traces delivered to Tempo', async () => {
    const spans = await spansOfEveryRequest();
    const routes = `${ROUTES.orders}|${ROUTES.reservation}`;
    const query = `${HTTP_SERVER_REQUEST_DURATION}_bucket{${HTTP_LABELS.route}=~"${routes}"}`;
    const orderTraces = new Set(ofKind('order').map((r) => r.context.traceId));
    let traceIds: string[] = [];
    // Exemplars arrive with the scrape after the request, up to one WAL flush (5 s) later.
    await expect
      .poll(
        async () => {
          const series = await stack.prometheus.queryExemplars(query);
          traceIds = series.flatMap((s) =>
            s.exemplars.map((e) => e.labels[EXEMPLAR_TRACE_ID_LABEL] ?? ''),
          );
          return new Set(series.map((s) => s.seriesLabels.job));
        },
        { timeout: WAIT.timeoutMs, interval: 500 },
      )
      .toEqual(new Set(['orders', 'inventory']));

    const delivered = new Set(spans.map((s) => s.traceId));
    expect(traceIds.length).toBeGreaterThan(0);
    for (const traceId of traceIds) {
      expect(orderTraces.has(traceId) && delivered.has(traceId), traceId).toBe(true);
    }
  });
});
