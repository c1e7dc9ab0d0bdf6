import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { OTLPTraceExporter as JsonTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { CompressionAlgorithm } from '@opentelemetry/otlp-exporter-base';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { SimpleSpanProcessor, type SpanExporter, TracerProvider } from '@opentelemetry/sdk-trace';
import { describe, expect, it } from 'vitest';
import { startOtlpReceiver } from '../src/index.ts';

const RESOURCE = {
  'service.name': 'checkout',
  'service.version': '1.2.3',
  'deployment.environment.name': 'test',
};

/** Emits one server span with a client child through `exporter`, then flushes. */
async function emitParentAndChild(exporter: SpanExporter) {
  const provider = new TracerProvider({
    resource: resourceFromAttributes(RESOURCE),
    spanProcessors: [new SimpleSpanProcessor({ exporter })],
  });
  const tracer = provider.getTracer('testkit-test', '0.0.1');
  const parent = tracer.startSpan('GET /orders/:id', { kind: SpanKind.SERVER });
  const child = tracer.startSpan(
    'SELECT orders',
    {
      kind: SpanKind.CLIENT,
      attributes: {
        'db.system.name': 'postgresql',
        'db.response.returned_rows': 3,
        ratio: 0.25,
        cached: false,
        tags: ['a', 'b'],
      },
    },
    trace.setSpan(context.active(), parent),
  );
  child.addEvent('retry', { attempt: 2 });
  child.setStatus({ code: SpanStatusCode.ERROR, message: 'timeout' });
  child.end();
  parent.end();
  await provider.shutdown();
  return { parent: parent.spanContext(), child: child.spanContext() };
}

describe('OTLP receiver, traces', () => {
  it('decodes gzip protobuf from the official exporter: names, ids, parents, attributes, resource', async () => {
    await using receiver = await startOtlpReceiver();
    const before = BigInt(Date.now()) * 1_000_000n;
    const sent = await emitParentAndChild(
      new OTLPTraceExporter({
        url: receiver.endpoints.traces,
        compression: CompressionAlgorithm.GZIP,
      }),
    );

    const spans = await receiver.spans.waitFor(undefined, { count: 2 });
    const server = spans.find((span) => span.name === 'GET /orders/:id');
    const client = spans.find((span) => span.name === 'SELECT orders');
    expect(server).toMatchObject({
      traceId: sent.parent.traceId,
      spanId: sent.parent.spanId,
      parentSpanId: undefined,
      kind: 'server',
      status: { code: 'unset', message: '' },
      scope: { name: 'testkit-test', version: '0.0.1' },
      flags: expect.any(Number),
    });
    expect(client).toMatchObject({
      traceId: sent.parent.traceId,
      spanId: sent.child.spanId,
      parentSpanId: sent.parent.spanId,
      kind: 'client',
      status: { code: 'error', message: 'timeout' },
    });
    expect(client?.attributes).toEqual({
      'db.system.name': 'postgresql',
      'db.response.returned_rows': 3,
      ratio: 0.25,
      cached: false,
      tags: ['a', 'b'],
    });
    expect(client?.events).toMatchObject([{ name: 'retry', attributes: { attempt: 2 } }]);
    expect(client?.resource).toMatchObject(RESOURCE);
    expect(server?.startTimeUnixNano).toBeGreaterThanOrEqual(before);
    expect(server?.endTimeUnixNano).toBeGreaterThanOrEqual(server?.startTimeUnixNano ?? 0n);

    const requests = receiver.requests.all;
    expect(requests.every((request) => request.contentEncoding === 'gzip')).toBe(true);
    expect(requests.every((request) => request.encoding === 'protobuf')).toBe(true);
    expect(receiver.requestCounts()).toEqual({ '/v1/traces': 2 });
  });

  it('decodes OTLP/JSON from the official HTTP exporter to the same records', async () => {
    await using receiver = await startOtlpReceiver();
    const sent = await emitParentAndChild(
      new JsonTraceExporter({ url: receiver.endpoints.traces }),
    );

    const spans = await receiver.spans.waitFor(undefined, { count: 2 });
    const client = spans.find((span) => span.kind === 'client');
    expect(receiver.requests.all[0]?.encoding).toBe('json');
    expect(client).toMatchObject({
      traceId: sent.child.traceId,
      spanId: sent.child.spanId,
      parentSpanId: sent.parent.spanId,
      status: { code: 'error', message: 'timeout' },
      resource: RESOURCE,
    });
    expect(client?.attributes.tags).toEqual(['a', 'b']);
    expect(client?.attributes['db.response.returned_rows']).toBe(3);
  });

  it('waits for a span that arrives after the wait began', async () => {
    await using receiver = await startOtlpReceiver();
    const waiting = receiver.spans.waitFor((span) => span.kind === 'client', { timeoutMs: 5000 });
    const sent = await emitParentAndChild(
      new OTLPTraceExporter({ url: receiver.endpoints.traces }),
    );

    const [client] = await waiting;
    expect(client?.spanId).toBe(sent.child.spanId);
  });
});
