import { context, ROOT_CONTEXT, SeverityNumber, trace } from '@opentelemetry/api';
import { OTLPLogExporter as JsonLogExporter } from '@opentelemetry/exporter-logs-otlp-http';
import { OTLPLogExporter } from '@opentelemetry/exporter-logs-otlp-proto';
import { CompressionAlgorithm } from '@opentelemetry/otlp-exporter-base';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  LoggerProvider,
  type LogRecordExporter,
  SimpleLogRecordProcessor,
} from '@opentelemetry/sdk-logs';
import { describe, expect, it } from 'vitest';
import { startOtlpReceiver } from '../src/index.ts';

const SPAN_CONTEXT = {
  traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
  spanId: '00f067aa0ba902b7',
  traceFlags: 1,
};

/** Emits one structured and one plain log record through `exporter`, inside a known span. */
async function emitLogs(exporter: LogRecordExporter): Promise<void> {
  const provider = new LoggerProvider({
    resource: resourceFromAttributes({ 'service.name': 'inventory' }),
    processors: [new SimpleLogRecordProcessor({ exporter })],
  });
  const logger = provider.getLogger('pino', '10.0.0');
  const inSpan = trace.setSpan(ROOT_CONTEXT, trace.wrapSpanContext(SPAN_CONTEXT));
  logger.emit({
    severityNumber: SeverityNumber.ERROR,
    severityText: 'error',
    body: { msg: 'payment failed', amount: 12.5 },
    attributes: { 'http.route': '/pay', attempt: 3 },
    context: inSpan,
  });
  logger.emit({ severityNumber: SeverityNumber.INFO, body: 'started', context: context.active() });
  await provider.shutdown();
}

describe('OTLP receiver, logs', () => {
  it('decodes gzip protobuf log records with trace ids, severity, body and resource', async () => {
    await using receiver = await startOtlpReceiver();
    await emitLogs(
      new OTLPLogExporter({ url: receiver.endpoints.logs, compression: CompressionAlgorithm.GZIP }),
    );

    const [failed, started] = await receiver.logs.waitFor(undefined, { count: 2 });
    expect(failed).toMatchObject({
      traceId: SPAN_CONTEXT.traceId,
      spanId: SPAN_CONTEXT.spanId,
      severityNumber: 17,
      severityText: 'error',
      body: { msg: 'payment failed', amount: 12.5 },
      attributes: { 'http.route': '/pay', attempt: 3 },
      resource: { 'service.name': 'inventory' },
      scope: { name: 'pino', version: '10.0.0' },
    });
    expect(failed?.timeUnixNano).toBeGreaterThan(0n);
    expect(started).toMatchObject({ body: 'started', severityNumber: 9, traceId: undefined });
    expect(receiver.requests.all[0]?.contentEncoding).toBe('gzip');
  });

  it('decodes OTLP/JSON log records to the same shape', async () => {
    await using receiver = await startOtlpReceiver();
    await emitLogs(new JsonLogExporter({ url: receiver.endpoints.logs }));

    const [failed] = await receiver.logs.waitFor((record) => record.severityNumber === 17);
    expect(failed).toMatchObject({
      traceId: SPAN_CONTEXT.traceId,
      spanId: SPAN_CONTEXT.spanId,
      body: { msg: 'payment failed', amount: 12.5 },
      attributes: { attempt: 3 },
    });
  });

  it('serves logs under a path prefix, as Loki does at /otlp/v1/logs', async () => {
    await using receiver = await startOtlpReceiver({ pathPrefix: '/otlp' });
    expect(receiver.endpoints.logs).toBe(`http://127.0.0.1:${receiver.port}/otlp/v1/logs`);
    await emitLogs(new OTLPLogExporter({ url: receiver.endpoints.logs }));

    await receiver.logs.waitFor(undefined, { count: 2 });
    const unprefixed = await fetch(`http://127.0.0.1:${receiver.port}/v1/logs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(unprefixed.status).toBe(404);
    expect(receiver.requestCounts()).toEqual({ '/otlp/v1/logs': 2, '/v1/logs': 1 });
  });
});
