import { hostname } from 'node:os';
import {
  type OtlpReceiver,
  type PrometheusServer,
  startOtlpReceiver,
  startPrometheus,
} from '@lookout/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  EXEMPLAR_TRACE_ID_LABEL,
  HTTP_LABELS,
  HTTP_SERVER_REQUEST_DURATION,
  LOOKOUT_METRICS,
  RUNTIME_METRICS,
} from '../../sdk/src/metrics/names.ts';
import {
  EXPORTER_SENT_LOG_RECORDS,
  EXPORTER_SENT_SPANS,
  PRW_SENT_BATCHES,
  RECEIVER_ACCEPTED_METRIC_POINTS,
  SIDECAR_COMPONENTS,
  SIDECAR_LABELS,
  SIDECAR_METRICS_AFTER_TRAFFIC,
} from '../src/metric-names.ts';
import { metricFamilies, type Sidecar, startSidecar, sumOf } from '../src/testing/index.ts';
import { type OpenMetricsTarget, startOpenMetricsTarget } from './support/openmetrics-target.ts';
import { logRequest, postOtlpJson, randomId, spanRequest } from './support/otlp-json.ts';

const SERVICE = 'checkout';
const MASK = '****';
const exemplarTraceId = randomId(16);
const startedAtSeconds = Math.floor(Date.now() / 1000);
const authAttemptsFamily = LOOKOUT_METRICS.authAttempts.replace(/_total$/, '');
const route = `${HTTP_LABELS.method}="GET",${HTTP_LABELS.route}="/orders/:id",${HTTP_LABELS.statusCode}="200"`;

// What prom-client serves on an OpenMetrics scrape, built from the SDK's own metric names so
// the test proves those exact names come out of Prometheus at the other end.
const PAGE = `# TYPE ${HTTP_SERVER_REQUEST_DURATION} histogram
# UNIT ${HTTP_SERVER_REQUEST_DURATION} seconds
# HELP ${HTTP_SERVER_REQUEST_DURATION} Duration of HTTP server requests.
${HTTP_SERVER_REQUEST_DURATION}_bucket{${route},le="0.1"} 3 # {${EXEMPLAR_TRACE_ID_LABEL}="${exemplarTraceId}"} 0.042 ${startedAtSeconds}
${HTTP_SERVER_REQUEST_DURATION}_bucket{${route},le="+Inf"} 4
${HTTP_SERVER_REQUEST_DURATION}_sum{${route}} 0.5
${HTTP_SERVER_REQUEST_DURATION}_count{${route}} 4
# TYPE ${authAttemptsFamily} counter
# HELP ${authAttemptsFamily} API-key authentication attempts.
${LOOKOUT_METRICS.authAttempts}{result="failure",reason="unknown_key"} 2
# TYPE ${RUNTIME_METRICS.activeHandles} gauge
# HELP ${RUNTIME_METRICS.activeHandles} Active libuv handles.
${RUNTIME_METRICS.activeHandles} 7
# EOF
`;

let tempo: OtlpReceiver;
let loki: OtlpReceiver;
let prometheus: PrometheusServer;
let target: OpenMetricsTarget;
let sidecar: Sidecar;

beforeAll(async () => {
  [tempo, loki, prometheus, target] = await Promise.all([
    startOtlpReceiver(),
    startOtlpReceiver({ pathPrefix: '/otlp' }),
    startPrometheus({ enableRemoteWriteReceiver: true, exemplarStorage: true }),
    startOpenMetricsTarget(PAGE),
  ]);
  sidecar = await startSidecar({
    env: {
      OTEL_SERVICE_NAME: SERVICE,
      OTEL_RESOURCE_ATTRIBUTES: 'deployment.environment.name=sidecar-test',
      LOOKOUT_METRICS_TARGET: target.address,
      LOOKOUT_SCRAPE_INTERVAL: '1s',
      LOOKOUT_SCRAPE_TIMEOUT: '1s',
      LOOKOUT_TEMPO_ENDPOINT: tempo.url,
      LOOKOUT_LOKI_ENDPOINT: loki.url,
      LOOKOUT_PROMETHEUS_REMOTE_WRITE_URL: `${prometheus.url}/api/v1/write`,
    },
  });
});

afterAll(async () => {
  await sidecar?.stop();
  await Promise.all([
    tempo?.stop(),
    loki?.stop(),
    prometheus?.stop(),
    target?.[Symbol.asyncDispose](),
  ]);
});

describe('sidecar delivery', () => {
  it('delivers spans to Tempo with secrets masked and the host resource added', async () => {
    const traceId = randomId(16);
    const status = await postOtlpJson(
      sidecar.otlpHttpUrl,
      'traces',
      spanRequest({
        traceId,
        spanId: randomId(8),
        resource: { 'service.name': SERVICE },
        attributes: {
          'http.request.header.authorization': 'Bearer secret-token',
          'http.request.header.x-api-key': 'k-123',
          'user.id': '42',
        },
      }),
    );
    expect(status).toBe(200);

    const [span] = await tempo.spans.waitFor((s) => s.traceId === traceId, { timeoutMs: 20_000 });
    expect(span?.attributes['http.request.header.authorization']).toBe(MASK);
    expect(span?.attributes['http.request.header.x-api-key']).toBe(MASK);
    expect(span?.attributes['user.id']).toBe('42');
    expect(span?.resource['service.name']).toBe(SERVICE);
    expect(span?.resource['host.name']).toBe(hostname());
    expect(span?.resource['deployment.environment.name']).toBe('sidecar-test');
  });

  it("delivers logs to Loki's OTLP path with secrets masked in attributes and body", async () => {
    const traceId = randomId(16);
    const status = await postOtlpJson(
      sidecar.otlpHttpUrl,
      'logs',
      logRequest({
        traceId,
        resource: { 'service.name': SERVICE },
        attributes: { cookie: 'session=abc', 'order.id': 'o-1' },
        body: { msg: 'login', password: 'hunter2', apiKey: 'k-456' },
      }),
    );
    expect(status).toBe(200);

    const [log] = await loki.logs.waitFor((l) => l.traceId === traceId, { timeoutMs: 20_000 });
    expect(log?.attributes.cookie).toBe(MASK);
    expect(log?.attributes['order.id']).toBe('o-1');
    expect(log?.body).toEqual({ msg: 'login', password: MASK, apiKey: MASK });
    expect(loki.requestCounts()).toHaveProperty(['/otlp/v1/logs']);
  });

  it('scrapes the service as OpenMetrics and writes its metrics to Prometheus unrenamed', async () => {
    const selector = `{job="${SERVICE}"}`;
    const byName = async (name: string) =>
      (await prometheus.waitForQuery(`${name}${selector}`, (r) => r.samples.length > 0)).samples;

    const buckets = await byName(`${HTTP_SERVER_REQUEST_DURATION}_bucket`);
    expect(buckets.find((s) => s.labels.le === '0.1')?.value).toBe(3);
    expect((await byName(LOOKOUT_METRICS.authAttempts))[0]?.value).toBe(2);
    expect((await byName(RUNTIME_METRICS.activeHandles))[0]?.value).toBe(7);
    expect(target.scrapes.accept).toContain('application/openmetrics-text');
  });

  it('labels scraped series with the host as instance, unique per replica', async () => {
    const [sample] = (
      await prometheus.waitForQuery(
        `${RUNTIME_METRICS.activeHandles}{job="${SERVICE}"}`,
        (r) => r.samples.length > 0,
      )
    ).samples;

    expect(sample?.labels.instance).toBe(hostname());
  });

  it('keeps the exemplar trace id of a scraped histogram all the way to Prometheus', async () => {
    const query = `${HTTP_SERVER_REQUEST_DURATION}_bucket{job="${SERVICE}"}`;
    await prometheus.waitForQuery(query, (r) => r.samples.length > 0);
    const series = await prometheus.queryExemplars(query, { start: startedAtSeconds - 60 });
    const traceIds = series.flatMap((s) => s.exemplars.map((e) => e.labels.trace_id));

    expect(traceIds).toContain(exemplarTraceId);
  });

  it('counts the delivered data in its own metrics', async () => {
    const resource = { 'service.name': SERVICE };
    const traceId = randomId(16);
    const spanId = randomId(8);
    await postOtlpJson(
      sidecar.otlpHttpUrl,
      'traces',
      spanRequest({ traceId, spanId, resource, attributes: {} }),
    );
    await postOtlpJson(
      sidecar.otlpHttpUrl,
      'logs',
      logRequest({ traceId, resource, attributes: {}, body: {} }),
    );

    // Waits for every name: the counters appear with their first data, the WAL lag gauge at
    // its first 5 s sample.
    const text = await sidecar.waitForTelemetry((page) => {
      const families = metricFamilies(page);
      return SIDECAR_METRICS_AFTER_TRAFFIC.every((name) => families.has(name));
    });
    const exporter = (id: string) => ({ [SIDECAR_LABELS.exporter]: id });

    expect(
      sumOf(text, EXPORTER_SENT_SPANS, exporter(SIDECAR_COMPONENTS.tracesExporter)),
    ).toBeGreaterThan(0);
    expect(
      sumOf(text, EXPORTER_SENT_LOG_RECORDS, exporter(SIDECAR_COMPONENTS.logsExporter)),
    ).toBeGreaterThan(0);
    expect(
      sumOf(text, PRW_SENT_BATCHES, exporter(SIDECAR_COMPONENTS.metricsExporter)),
    ).toBeGreaterThan(0);
    const scrape = { [SIDECAR_LABELS.receiver]: SIDECAR_COMPONENTS.scrapeReceiver };
    expect(sumOf(text, RECEIVER_ACCEPTED_METRIC_POINTS, scrape)).toBeGreaterThan(0);
  });
});
