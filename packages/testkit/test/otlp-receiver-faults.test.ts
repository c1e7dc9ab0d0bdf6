import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { SimpleSpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace';
import protobuf from 'protobufjs';
import { describe, expect, it } from 'vitest';
import { startOtlpReceiver } from '../src/index.ts';

/** A minimal OTLP/JSON trace export holding one span named `name`. */
function jsonExport(name: string): string {
  const span = { traceId: '5b8efff798038103d269b633813fc60c', spanId: 'eee19b7ec3c1b174', name };
  return JSON.stringify({ resourceSpans: [{ scopeSpans: [{ spans: [span] }] }] });
}

function post(url: string, body: string | Uint8Array, contentType = 'application/json') {
  return fetch(url, { method: 'POST', headers: { 'content-type': contentType }, body });
}

/** Reads google.rpc.Status {code = 1, message = 2} straight off the wire. */
function decodeStatus(bytes: Uint8Array): { code: number; message: string } {
  const reader = protobuf.Reader.create(bytes);
  const status = { code: 0, message: '' };
  while (reader.pos < reader.len) {
    const tag = reader.uint32();
    if (tag >>> 3 === 1) status.code = reader.int32();
    else if (tag >>> 3 === 2) status.message = reader.string();
    else reader.skipType(tag & 7);
  }
  return status;
}

describe('OTLP receiver fault modes', () => {
  it('answers 503 with Retry-After in unavailable mode and keeps nothing', async () => {
    await using receiver = await startOtlpReceiver();
    receiver.setMode('unavailable', { retryAfterSeconds: 2 });

    const response = await post(receiver.endpoints.traces, jsonExport('lost'));
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('2');
    expect(await response.json()).toMatchObject({ code: 14 });
    expect(receiver.spans.size).toBe(0);
    expect(receiver.requests.all).toMatchObject([{ path: '/v1/traces', status: 503 }]);
  });

  it('is retried by the official exporter after 503 and receives the span once back to ok', async () => {
    await using receiver = await startOtlpReceiver();
    receiver.setMode('unavailable');
    const exporter = new OTLPTraceExporter({ url: receiver.endpoints.traces });
    const provider = new TracerProvider({
      spanProcessors: [new SimpleSpanProcessor({ exporter })],
    });
    provider.getTracer('t').startSpan('survives-outage').end();

    await receiver.requests.waitFor((request) => request.status === 503);
    receiver.setMode('ok');
    const [span] = await receiver.spans.waitFor(undefined, { timeoutMs: 15_000 });
    await provider.shutdown();

    expect(span?.name).toBe('survives-outage');
  });

  it('answers 400 with a protobuf Status in reject mode, which the exporter does not retry', async () => {
    await using receiver = await startOtlpReceiver();
    receiver.setMode('reject');
    const exporter = new OTLPTraceExporter({ url: receiver.endpoints.traces });
    const provider = new TracerProvider({
      spanProcessors: [new SimpleSpanProcessor({ exporter })],
    });
    provider.getTracer('t').startSpan('rejected').end();
    await provider.shutdown();

    expect(receiver.requests.all.map((request) => request.status)).toEqual([400]);
    const response = await post(
      receiver.endpoints.traces,
      new Uint8Array(),
      'application/x-protobuf',
    );
    expect(decodeStatus(new Uint8Array(await response.arrayBuffer()))).toEqual({
      code: 3,
      message: 'receiver set to reject',
    });
    expect(receiver.spans.size).toBe(0);
  });

  it('delays answers in slow mode and still keeps the records', async () => {
    await using receiver = await startOtlpReceiver();
    receiver.setMode('slow', { delayMs: 300 });

    const started = performance.now();
    const response = await post(receiver.endpoints.traces, jsonExport('slow'));
    expect(response.status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    expect(receiver.spans.all.map((span) => span.name)).toEqual(['slow']);
  });

  it('refuses connections after stop() and comes back on the same port with its records', async () => {
    await using receiver = await startOtlpReceiver();
    await post(receiver.endpoints.traces, jsonExport('before'));
    const port = receiver.port;

    await receiver.stop();
    await expect(post(receiver.endpoints.traces, jsonExport('during'))).rejects.toThrow();
    await receiver.restart();
    await post(receiver.endpoints.traces, jsonExport('after'));

    expect(receiver.port).toBe(port);
    expect(receiver.spans.all.map((span) => span.name)).toEqual(['before', 'after']);
  });

  it('drops requests held in slow mode when stopped, as a crashed backend would', async () => {
    await using receiver = await startOtlpReceiver();
    receiver.setMode('slow', { delayMs: 30_000 });
    const pending = post(receiver.endpoints.traces, jsonExport('held'));
    await new Promise((resolve) => setImmediate(resolve));

    await receiver.stop();
    await expect(pending).rejects.toThrow();
    expect(receiver.spans.size).toBe(0);
  });

  it('answers 400 to an undecodable body and names the failure when a wait times out', async () => {
    await using receiver = await startOtlpReceiver();
    const garbage = new Uint8Array([0x0a, 0xff, 0xff, 0xff, 0x0f, 0x01]);

    const response = await post(receiver.endpoints.traces, garbage, 'application/x-protobuf');
    expect(response.status).toBe(400);
    expect(receiver.requests.all[0]?.error).toMatch(/cannot decode protobuf traces request/);
    await expect(receiver.spans.waitFor(undefined, { timeoutMs: 50 })).rejects.toThrow(
      /0 received, 0 matched.*1 failed to decode/,
    );
  });

  it('answers 415 to a content type OTLP/HTTP does not define and 404 to unknown paths', async () => {
    await using receiver = await startOtlpReceiver();

    expect((await post(receiver.endpoints.traces, 'x', 'text/plain')).status).toBe(415);
    expect((await post(`${receiver.url}/v1/profiles`, '{}')).status).toBe(404);
  });
});
