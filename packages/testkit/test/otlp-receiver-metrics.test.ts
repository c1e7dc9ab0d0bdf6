import { OTLPMetricExporter } from '@opentelemetry/exporter-metrics-otlp-proto';
import { CompressionAlgorithm } from '@opentelemetry/otlp-exporter-base';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  AggregationType,
  MeterProvider,
  PeriodicExportingMetricReader,
} from '@opentelemetry/sdk-metrics';
import protobuf from 'protobufjs';
import { describe, expect, it } from 'vitest';
import { type OtlpMetricPoint, startOtlpReceiver } from '../src/index.ts';

const TRACE_ID = '0af7651916cd43dd8448eb211c80319c';
const SPAN_ID = 'b7ad6b7169203331';

/** Records a counter, a histogram, a gauge and an exponential histogram, then flushes. */
async function recordMetrics(url: string): Promise<void> {
  const provider = new MeterProvider({
    resource: resourceFromAttributes({ 'service.name': 'orders' }),
    views: [
      {
        instrumentName: 'payload.size',
        aggregation: { type: AggregationType.EXPONENTIAL_HISTOGRAM },
      },
    ],
    readers: [
      new PeriodicExportingMetricReader({
        exporter: new OTLPMetricExporter({ url, compression: CompressionAlgorithm.GZIP }),
        exportIntervalMillis: 60_000,
      }),
    ],
  });
  const meter = provider.getMeter('orders-meter');
  meter.createCounter('orders.created').add(3, { region: 'eu' });
  const duration = meter.createHistogram('request.duration', {
    unit: 's',
    advice: { explicitBucketBoundaries: [0.25, 1] },
  });
  for (const value of [0.1, 0.3, 2]) duration.record(value, { route: '/orders' });
  meter.createGauge('queue.depth').record(42);
  meter.createHistogram('payload.size').record(512);
  await provider.shutdown();
}

/** Hand-encodes, field number by field number, a Sum point carrying one exemplar. */
function sumWithExemplarProtobuf(): Uint8Array {
  const w = protobuf.Writer.create();
  const len = (field: number) => w.uint32((field << 3) | 2).fork();
  const fixed64 = (field: number, value: number) => w.uint32((field << 3) | 1).fixed64(value);
  const double = (field: number, value: number) => w.uint32((field << 3) | 1).double(value);
  len(1); // ExportMetricsServiceRequest.resource_metrics
  len(2); // ResourceMetrics.scope_metrics
  len(2); // ScopeMetrics.metrics
  w.uint32((1 << 3) | 2).string('http_requests'); // Metric.name
  len(7); // Metric.sum
  len(1); // Sum.data_points
  fixed64(3, 1_700_000_000_000);
  double(4, 7); // as_double
  len(5); // NumberDataPoint.exemplars
  fixed64(2, 1_700_000_000_000);
  double(3, 0.042);
  w.uint32((4 << 3) | 2).bytes(Buffer.from(SPAN_ID, 'hex'));
  w.uint32((5 << 3) | 2).bytes(Buffer.from(TRACE_ID, 'hex'));
  w.ldelim(); // exemplar
  w.ldelim(); // data point
  w.uint32((2 << 3) | 0).uint32(2); // Sum.aggregation_temporality = cumulative
  w.uint32((3 << 3) | 0).bool(true); // Sum.is_monotonic
  w.ldelim(); // sum
  w.ldelim(); // metric
  w.ldelim(); // scope metrics
  w.ldelim(); // resource metrics
  return w.finish();
}

describe('OTLP receiver, metrics', () => {
  it('decodes sums, histograms, gauges and exponential histograms from the official exporter', async () => {
    await using receiver = await startOtlpReceiver();
    await recordMetrics(receiver.endpoints.metrics);

    const points = await receiver.metrics.waitFor(undefined, { count: 4 });
    const byName = (name: string) => points.find((point) => point.name === name);
    expect(byName('orders.created')).toMatchObject({
      type: 'sum',
      isMonotonic: true,
      temporality: 'cumulative',
      value: 3,
      attributes: { region: 'eu' },
      resource: { 'service.name': 'orders' },
      scope: { name: 'orders-meter' },
    });
    expect(byName('request.duration')).toMatchObject({
      type: 'histogram',
      unit: 's',
      attributes: { route: '/orders' },
      histogram: { count: 3, min: 0.1, max: 2, bounds: [0.25, 1], bucketCounts: [1, 1, 1] },
    });
    expect(byName('request.duration')?.histogram?.sum).toBeCloseTo(2.4);
    expect(byName('queue.depth')).toMatchObject({ type: 'gauge', value: 42 });
    expect(byName('payload.size')).toMatchObject({
      type: 'exponentialHistogram',
      exponentialHistogram: { count: 1, sum: 512, min: 512, max: 512 },
    });
  });

  it('decodes exemplars with their trace ids from protobuf', async () => {
    await using receiver = await startOtlpReceiver();
    const response = await fetch(receiver.endpoints.metrics, {
      method: 'POST',
      headers: { 'content-type': 'application/x-protobuf' },
      body: sumWithExemplarProtobuf(),
    });

    expect(response.status).toBe(200);
    const [point] = receiver.metrics.all;
    expect(point).toMatchObject<Partial<OtlpMetricPoint>>({
      name: 'http_requests',
      type: 'sum',
      value: 7,
      isMonotonic: true,
      temporality: 'cumulative',
      exemplars: [
        {
          traceId: TRACE_ID,
          spanId: SPAN_ID,
          value: 0.042,
          timeUnixNano: 1_700_000_000_000n,
          filteredAttributes: {},
        },
      ],
    });
  });

  it('decodes exemplars, int values and enum names from OTLP/JSON', async () => {
    await using receiver = await startOtlpReceiver();
    const dataPoint = {
      asInt: '12',
      timeUnixNano: '1700000000000000000',
      attributes: [{ key: 'code', value: { intValue: '200' } }],
      exemplars: [{ asDouble: 0.5, traceId: TRACE_ID.toUpperCase(), spanId: SPAN_ID }],
    };
    const body = {
      resourceMetrics: [
        {
          scopeMetrics: [
            {
              metrics: [
                {
                  name: 'hits',
                  sum: {
                    dataPoints: [dataPoint],
                    aggregation_temporality: 'AGGREGATION_TEMPORALITY_DELTA',
                  },
                },
              ],
            },
          ],
        },
      ],
    };
    const response = await fetch(receiver.endpoints.metrics, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

    expect(await response.json()).toEqual({});
    expect(receiver.metrics.all[0]).toMatchObject({
      value: 12,
      temporality: 'delta',
      timeUnixNano: 1_700_000_000_000_000_000n,
      attributes: { code: 200 },
      exemplars: [{ traceId: TRACE_ID, spanId: SPAN_ID, value: 0.5 }],
    });
  });
});
