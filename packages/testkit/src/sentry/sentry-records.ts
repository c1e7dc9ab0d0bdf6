/**
 * The records the Sentry receiver keeps, and how they are lifted out of envelopes: events and
 * legacy transactions whole, streamed spans one by one with their attributes unwrapped.
 */
import type { ParsedEnvelope } from './envelope.ts';

/** The fields of a Sentry event or transaction payload that tests usually read. */
export interface SentryEventPayload {
  event_id?: string;
  type?: string;
  level?: string;
  message?: unknown;
  transaction?: string;
  exception?: { values?: { type?: string; value?: string }[] };
  contexts?: { trace?: { trace_id?: string; span_id?: string; [key: string]: unknown } };
  tags?: Record<string, unknown>;
  spans?: Record<string, unknown>[];
  [key: string]: unknown;
}

/** One envelope as received. */
export interface SentryEnvelope extends ParsedEnvelope {
  /** The project id from the URL path. */
  projectId: string;
  /** `sentry_key` from the X-Sentry-Auth header or the query string. */
  publicKey: string | undefined;
  /** The decompressed body as text, for assertions on exact bytes (e.g. no secrets). */
  rawBody: string;
}

/** An `event` or `transaction` item, with its trace id lifted out. */
export interface SentryEventRecord {
  type: 'event' | 'transaction';
  projectId: string;
  eventId: string | undefined;
  /** `contexts.trace.trace_id`: the OpenTelemetry trace id when both share one. */
  traceId: string | undefined;
  payload: SentryEventPayload;
  envelope: SentryEnvelope;
}

/**
 * One span from a streamed `span` item (`application/vnd.sentry.items.span.v2+json`), the
 * form in which Sentry SDKs from v11 send spans instead of whole transactions.
 */
export interface SentrySpanRecord {
  projectId: string;
  traceId: string | undefined;
  spanId: string | undefined;
  parentSpanId: string | undefined;
  name: string | undefined;
  /** True for the root span of a service's part of the trace (a former transaction). */
  isSegment: boolean;
  status: string | undefined;
  /** Attribute values without their `{ value, type }` wrappers. */
  attributes: Record<string, unknown>;
  payload: Record<string, unknown>;
  envelope: SentryEnvelope;
}

/** The `event` and `transaction` items of an envelope. */
export function eventRecords(envelope: SentryEnvelope): SentryEventRecord[] {
  const records: SentryEventRecord[] = [];
  for (const item of envelope.items) {
    const type = item.header.type;
    if (type !== 'event' && type !== 'transaction') continue;
    if (item.json === null || typeof item.json !== 'object') continue;
    const payload = item.json as SentryEventPayload;
    records.push({
      type,
      projectId: envelope.projectId,
      eventId: payload.event_id,
      traceId: payload.contexts?.trace?.trace_id,
      payload,
      envelope,
    });
  }
  return records;
}

/** Every span of the `span` items of an envelope. */
export function spanRecords(envelope: SentryEnvelope): SentrySpanRecord[] {
  const records: SentrySpanRecord[] = [];
  for (const item of envelope.items) {
    const container = item.json as { items?: Record<string, unknown>[] } | undefined;
    if (item.header.type !== 'span' || !Array.isArray(container?.items)) continue;
    for (const span of container.items) records.push(toSpanRecord(span, envelope));
  }
  return records;
}

function toSpanRecord(span: Record<string, unknown>, envelope: SentryEnvelope): SentrySpanRecord {
  const text = (key: string) => (typeof span[key] === 'string' ? (span[key] as string) : undefined);
  const wrapped = (span.attributes ?? {}) as Record<string, { value?: unknown }>;
  const attributes = Object.fromEntries(
    Object.entries(wrapped).map(([key, attribute]) => [key, attribute?.value]),
  );
  return {
    projectId: envelope.projectId,
    traceId: text('trace_id'),
    spanId: text('span_id'),
    parentSpanId: text('parent_span_id'),
    name: text('name'),
    isSegment: span.is_segment === true,
    status: text('status'),
    attributes,
    payload: span,
    envelope,
  };
}
