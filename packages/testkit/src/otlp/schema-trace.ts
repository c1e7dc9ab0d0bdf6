/** OTLP trace messages (opentelemetry/proto/trace/v1) and the trace export service's messages. */
import type protobuf from 'protobufjs';
import { enumeration, field, message, repeated } from './schema-fields.ts';

export const traceTypes: Record<string, protobuf.IType | protobuf.IEnum> = {
  ExportTraceServiceRequest: message({ resourceSpans: repeated(1, 'ResourceSpans') }),
  ExportTraceServiceResponse: message({ partialSuccess: field(1, 'ExportTracePartialSuccess') }),
  ExportTracePartialSuccess: message({
    rejectedSpans: field(1, 'int64'),
    errorMessage: field(2, 'string'),
  }),
  ResourceSpans: message({
    resource: field(1, 'Resource'),
    scopeSpans: repeated(2, 'ScopeSpans'),
    schemaUrl: field(3, 'string'),
  }),
  ScopeSpans: message({
    scope: field(1, 'InstrumentationScope'),
    spans: repeated(2, 'Span'),
    schemaUrl: field(3, 'string'),
  }),
  Span: message({
    traceId: field(1, 'bytes'),
    spanId: field(2, 'bytes'),
    traceState: field(3, 'string'),
    parentSpanId: field(4, 'bytes'),
    name: field(5, 'string'),
    kind: field(6, 'SpanKind'),
    startTimeUnixNano: field(7, 'fixed64'),
    endTimeUnixNano: field(8, 'fixed64'),
    attributes: repeated(9, 'KeyValue'),
    droppedAttributesCount: field(10, 'uint32'),
    events: repeated(11, 'SpanEvent'),
    droppedEventsCount: field(12, 'uint32'),
    links: repeated(13, 'SpanLink'),
    droppedLinksCount: field(14, 'uint32'),
    status: field(15, 'SpanStatus'),
    flags: field(16, 'fixed32'),
  }),
  // Span.Event and Span.Link are nested in the spec; the nesting does not reach the wire.
  SpanEvent: message({
    timeUnixNano: field(1, 'fixed64'),
    name: field(2, 'string'),
    attributes: repeated(3, 'KeyValue'),
    droppedAttributesCount: field(4, 'uint32'),
  }),
  SpanLink: message({
    traceId: field(1, 'bytes'),
    spanId: field(2, 'bytes'),
    traceState: field(3, 'string'),
    attributes: repeated(4, 'KeyValue'),
    droppedAttributesCount: field(5, 'uint32'),
    flags: field(6, 'fixed32'),
  }),
  // Field 1 is reserved (a deprecated code); the current code is field 3.
  SpanStatus: message({ message: field(2, 'string'), code: field(3, 'StatusCode') }),
  SpanKind: enumeration({
    SPAN_KIND_UNSPECIFIED: 0,
    SPAN_KIND_INTERNAL: 1,
    SPAN_KIND_SERVER: 2,
    SPAN_KIND_CLIENT: 3,
    SPAN_KIND_PRODUCER: 4,
    SPAN_KIND_CONSUMER: 5,
  }),
  StatusCode: enumeration({ STATUS_CODE_UNSET: 0, STATUS_CODE_OK: 1, STATUS_CODE_ERROR: 2 }),
};
