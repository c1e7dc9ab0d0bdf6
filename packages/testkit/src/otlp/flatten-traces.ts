/** Turns a decoded trace export request into one {@link OtlpSpan} per span. */
import type { RawSpan, RawTracesRequest } from './raw-types.ts';
import type { OtlpAttributes, OtlpScope, OtlpSpan, OtlpSpanKind } from './records.ts';
import { attributes, enumNumber, hexId, scope, toBigInt } from './wire-values.ts';

// Enum values in OTLP/JSON may be numbers or these names; position is the wire number.
const KIND_NAMES = [
  'SPAN_KIND_UNSPECIFIED',
  'SPAN_KIND_INTERNAL',
  'SPAN_KIND_SERVER',
  'SPAN_KIND_CLIENT',
  'SPAN_KIND_PRODUCER',
  'SPAN_KIND_CONSUMER',
];
// Kinds are exposed by name because OTLP numbers them differently from @opentelemetry/api
// (OTLP SERVER is 2, the API's SpanKind.SERVER is 1): comparing numbers invites a silent bug.
const KINDS: OtlpSpanKind[] = [
  'unspecified',
  'internal',
  'server',
  'client',
  'producer',
  'consumer',
];
const STATUS_NAMES = ['STATUS_CODE_UNSET', 'STATUS_CODE_OK', 'STATUS_CODE_ERROR'];
const STATUSES = ['unset', 'ok', 'error'] as const;

/**
 * Every span in `request`, in the order they were sent. Resource and scope objects are shared
 * by the spans of one batch: treat records as read-only.
 */
export function flattenTraces(request: RawTracesRequest): OtlpSpan[] {
  const spans: OtlpSpan[] = [];
  for (const resourceSpans of request.resourceSpans ?? []) {
    const resource = attributes(resourceSpans.resource?.attributes);
    for (const scopeSpans of resourceSpans.scopeSpans ?? []) {
      const spanScope = scope(scopeSpans.scope);
      for (const span of scopeSpans.spans ?? []) spans.push(toSpan(span, resource, spanScope));
    }
  }
  return spans;
}

function toSpan(raw: RawSpan, resource: OtlpAttributes, spanScope: OtlpScope): OtlpSpan {
  return {
    // A span without ids is invalid OTLP; '' keeps the record usable and the failure visible.
    traceId: hexId(raw.traceId) ?? '',
    spanId: hexId(raw.spanId) ?? '',
    parentSpanId: hexId(raw.parentSpanId),
    traceState: raw.traceState || undefined,
    name: raw.name ?? '',
    kind: KINDS[enumNumber(raw.kind, KIND_NAMES)] ?? 'unspecified',
    startTimeUnixNano: toBigInt(raw.startTimeUnixNano),
    endTimeUnixNano: toBigInt(raw.endTimeUnixNano),
    attributes: attributes(raw.attributes),
    status: {
      code: STATUSES[enumNumber(raw.status?.code, STATUS_NAMES)] ?? 'unset',
      message: raw.status?.message ?? '',
    },
    events: (raw.events ?? []).map((event) => ({
      name: event.name ?? '',
      timeUnixNano: toBigInt(event.timeUnixNano),
      attributes: attributes(event.attributes),
    })),
    links: (raw.links ?? []).map((link) => ({
      traceId: hexId(link.traceId),
      spanId: hexId(link.spanId),
      attributes: attributes(link.attributes),
    })),
    flags: raw.flags ?? 0,
    resource,
    scope: spanScope,
  };
}
