/**
 * OTLP/JSON export requests, built by hand so the tests control every attribute that reaches
 * the sidecar. The sidecar's OTLP/HTTP receiver takes JSON as well as protobuf; what it sends on
 * is protobuf, which the test receivers decode.
 */
import { randomBytes } from 'node:crypto';

type Attributes = Record<string, string | Record<string, string>>;

/** A random trace id (32 hex digits) or span id (16). */
export function randomId(bytes: 16 | 8): string {
  return randomBytes(bytes).toString('hex');
}

function anyValue(value: string | Record<string, string>): Record<string, unknown> {
  if (typeof value === 'string') return { stringValue: value };
  const values = Object.entries(value).map(([key, v]) => ({ key, value: { stringValue: v } }));
  return { kvlistValue: { values } };
}

function keyValues(attributes: Attributes): Record<string, unknown>[] {
  return Object.entries(attributes).map(([key, value]) => ({ key, value: anyValue(value) }));
}

/** A traces export request with one server span. */
export function spanRequest(span: {
  traceId: string;
  spanId: string;
  resource: Attributes;
  attributes: Attributes;
}): Record<string, unknown> {
  const now = `${BigInt(Date.now()) * 1_000_000n}`;
  const otlpSpan = {
    traceId: span.traceId,
    spanId: span.spanId,
    name: 'GET /orders/:id',
    kind: 2,
    startTimeUnixNano: now,
    endTimeUnixNano: now,
    attributes: keyValues(span.attributes),
  };
  const scopeSpans = [{ scope: { name: 'sidecar-test' }, spans: [otlpSpan] }];
  return { resourceSpans: [{ resource: { attributes: keyValues(span.resource) }, scopeSpans }] };
}

/** A logs export request with one record whose body is a map, as the pino bridge sends. */
export function logRequest(log: {
  traceId: string;
  resource: Attributes;
  attributes: Attributes;
  body: Record<string, string>;
}): Record<string, unknown> {
  const record = {
    timeUnixNano: `${BigInt(Date.now()) * 1_000_000n}`,
    severityNumber: 9,
    severityText: 'info',
    traceId: log.traceId,
    body: anyValue(log.body),
    attributes: keyValues(log.attributes),
  };
  const scopeLogs = [{ scope: { name: 'sidecar-test' }, logRecords: [record] }];
  return { resourceLogs: [{ resource: { attributes: keyValues(log.resource) }, scopeLogs }] };
}

/** POSTs an OTLP/JSON request to `baseUrl/v1/<signal>` and returns the HTTP status. */
export async function postOtlpJson(
  baseUrl: string,
  signal: 'traces' | 'logs',
  body: Record<string, unknown>,
): Promise<number> {
  const response = await fetch(`${baseUrl}/v1/${signal}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  await response.body?.cancel();
  return response.status;
}
