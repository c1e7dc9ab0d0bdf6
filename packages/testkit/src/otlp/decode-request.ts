/**
 * Decodes an OTLP/HTTP export request body (protobuf or JSON) into flattened records, and
 * encodes the matching responses.
 */
import { flattenLogs } from './flatten-logs.ts';
import { flattenMetrics } from './flatten-metrics.ts';
import { flattenTraces } from './flatten-traces.ts';
import type { RawLogsRequest, RawMetricsRequest, RawTracesRequest } from './raw-types.ts';
import type { OtlpLogRecord, OtlpMetricPoint, OtlpSpan } from './records.ts';
import { otlpType } from './schema.ts';

/** The three OTLP signals, named as in their URL paths (`/v1/traces`...). */
export type OtlpSignal = 'traces' | 'logs' | 'metrics';

/** The two OTLP/HTTP body encodings. */
export type OtlpEncoding = 'protobuf' | 'json';

/** The flattened content of one export request. */
export type DecodedExport =
  | { signal: 'traces'; records: OtlpSpan[] }
  | { signal: 'logs'; records: OtlpLogRecord[] }
  | { signal: 'metrics'; records: OtlpMetricPoint[] };

const MESSAGE_NAMES = {
  traces: { request: 'ExportTraceServiceRequest', response: 'ExportTraceServiceResponse' },
  logs: { request: 'ExportLogsServiceRequest', response: 'ExportLogsServiceResponse' },
  metrics: { request: 'ExportMetricsServiceRequest', response: 'ExportMetricsServiceResponse' },
} as const;

/** The body encoding a Content-Type announces, or `undefined` when OTLP/HTTP has none for it. */
export function encodingOf(contentType: string | undefined): OtlpEncoding | undefined {
  const mediaType = contentType?.split(';')[0]?.trim().toLowerCase();
  if (mediaType === 'application/x-protobuf' || mediaType === 'application/protobuf') {
    return 'protobuf';
  }
  return mediaType === 'application/json' ? 'json' : undefined;
}

/** Decodes and flattens one request body. Throws on a body that is not a valid request. */
export function decodeExport(signal: OtlpSignal, encoding: OtlpEncoding, body: Buffer) {
  const raw = encoding === 'json' ? parseJson(body) : parseProtobuf(signal, body);
  switch (signal) {
    case 'traces':
      return { signal, records: flattenTraces(raw as RawTracesRequest) } as const;
    case 'logs':
      return { signal, records: flattenLogs(raw as RawLogsRequest) } as const;
    case 'metrics':
      return { signal, records: flattenMetrics(raw as RawMetricsRequest) } as const;
  }
}

/** The body of a successful Export*ServiceResponse: no partial-success field set. */
export function successBody(signal: OtlpSignal, encoding: OtlpEncoding): Buffer {
  if (encoding === 'json') return Buffer.from('{}');
  const type = otlpType(MESSAGE_NAMES[signal].response);
  return Buffer.from(type.encode(type.create({})).finish());
}

/**
 * The body of an error response: a google.rpc.Status, as OTLP/HTTP asks for 4xx and 5xx.
 * @param grpcCode the gRPC status code (3 invalid argument, 14 unavailable).
 */
export function statusBody(encoding: OtlpEncoding, grpcCode: number, message: string): Buffer {
  if (encoding === 'json') return Buffer.from(JSON.stringify({ code: grpcCode, message }));
  const type = otlpType('Status');
  return Buffer.from(type.encode(type.create({ code: grpcCode, message })).finish());
}

function parseProtobuf(signal: OtlpSignal, body: Buffer): unknown {
  const type = otlpType(MESSAGE_NAMES[signal].request);
  // Longs as strings keep full 64-bit precision; bytes stay Uint8Array for hex conversion.
  return type.toObject(type.decode(body), { longs: String });
}

function parseJson(body: Buffer): unknown {
  return camelCaseKeys(JSON.parse(body.toString('utf8')));
}

/**
 * The protobuf JSON mapping lets parsers accept the original snake_case field names too. In
 * OTLP every object key is a field name (attribute names are values of `key`), so renaming
 * keys recursively is safe.
 */
function camelCaseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(camelCaseKeys);
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value).map(([key, inner]) => [
    key.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase()),
    camelCaseKeys(inner),
  ]);
  return Object.fromEntries(entries);
}
