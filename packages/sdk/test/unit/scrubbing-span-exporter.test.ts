import { SpanStatusCode, trace } from '@opentelemetry/api';
import { ExportResultCode } from '@opentelemetry/core';
import {
  InMemorySpanExporter,
  type ReadableSpan,
  SimpleSpanProcessor,
  TracerProvider,
} from '@opentelemetry/sdk-trace';
import { afterEach, describe, expect, it } from 'vitest';
import { ScrubbingSpanExporter } from '../../src/telemetry/scrubbing-span-exporter.ts';

const inner = new InMemorySpanExporter();
const provider = new TracerProvider({
  spanProcessors: [
    new SimpleSpanProcessor({ exporter: new ScrubbingSpanExporter(inner, ['ssn']) }),
  ],
});
const tracer = provider.getTracer('test');
const JWT = `eyJhbGciOiJIUzI1NiJ9.${Buffer.from('{"sub":"someone"}').toString('base64url')}.c2lnbmF0dXJl`;

afterEach(() => inner.reset());

function exported(): ReadableSpan {
  const [span] = inner.getFinishedSpans();
  if (span === undefined) throw new Error('no span was exported');
  return span;
}

describe('ScrubbingSpanExporter', () => {
  it('removes secrets from attributes by name and by shape', () => {
    tracer.startActiveSpan('GET /items', (span) => {
      span.setAttributes({
        'url.query': 'page=2&access_token=opaque-value-1&q=x',
        'url.path': `/reset/${JWT}`,
        'http.request.header.x-api-key': ['k-123'],
        ssn: '123-45-6789',
        'http.response.status_code': 200,
      });
      span.end();
    });

    expect(exported().attributes).toEqual({
      'url.query': 'page=2&access_token=[REDACTED]&q=x',
      'url.path': '/reset/[REDACTED]',
      'http.request.header.x-api-key': '[REDACTED]',
      ssn: '[REDACTED]',
      'http.response.status_code': 200,
    });
  });

  it('removes secrets from exception events and the status message', () => {
    tracer.startActiveSpan('POST /pay', (span) => {
      const error = new Error('upstream refused postgres://app:s3cret-pw@db/x');
      span.recordException(error);
      span.setStatus({ code: SpanStatusCode.ERROR, message: error.message });
      span.end();
    });

    const span = exported();
    expect(JSON.stringify(span.events)).not.toContain('s3cret-pw');
    expect(span.events[0]?.attributes?.['exception.message']).toContain('app:[REDACTED]@db');
    expect(span.status.message).toBe('upstream refused postgres://app:[REDACTED]@db/x');
  });

  it('passes spans without secrets through as they are and keeps their identity', () => {
    const result = new Promise<number>((resolve) => {
      const clean = new InMemorySpanExporter();
      const exporter = new ScrubbingSpanExporter(clean);
      const span = tracer.startSpan('GET /health');
      span.setAttribute('http.route', '/health');
      span.end();
      const finished = inner.getFinishedSpans();
      exporter.export([...finished], (outcome) => {
        expect(clean.getFinishedSpans()[0]).toBe(finished[0]);
        resolve(outcome.code);
      });
    });
    return expect(result).resolves.toBe(ExportResultCode.SUCCESS);
  });

  it('keeps the trace context of a scrubbed span', () => {
    let traceId = '';
    tracer.startActiveSpan('op', (span) => {
      traceId = span.spanContext().traceId;
      span.setAttribute('password', 'x');
      span.end();
    });
    expect(exported().spanContext().traceId).toBe(traceId);
    expect(trace.getActiveSpan()).toBeUndefined();
  });
});
