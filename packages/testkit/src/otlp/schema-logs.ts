/** OTLP log messages (opentelemetry/proto/logs/v1) and the logs export service's messages. */
import type protobuf from 'protobufjs';
import { field, message, repeated } from './schema-fields.ts';

export const logsTypes: Record<string, protobuf.IType> = {
  ExportLogsServiceRequest: message({ resourceLogs: repeated(1, 'ResourceLogs') }),
  ExportLogsServiceResponse: message({ partialSuccess: field(1, 'ExportLogsPartialSuccess') }),
  ExportLogsPartialSuccess: message({
    rejectedLogRecords: field(1, 'int64'),
    errorMessage: field(2, 'string'),
  }),
  ResourceLogs: message({
    resource: field(1, 'Resource'),
    scopeLogs: repeated(2, 'ScopeLogs'),
    schemaUrl: field(3, 'string'),
  }),
  ScopeLogs: message({
    scope: field(1, 'InstrumentationScope'),
    logRecords: repeated(2, 'LogRecord'),
    schemaUrl: field(3, 'string'),
  }),
  // Field 4 is reserved. Severity numbers stay plain integers (1-24) rather than an enum so an
  // unknown value survives decoding unchanged.
  LogRecord: message({
    timeUnixNano: field(1, 'fixed64'),
    severityNumber: field(2, 'int32'),
    severityText: field(3, 'string'),
    body: field(5, 'AnyValue'),
    attributes: repeated(6, 'KeyValue'),
    droppedAttributesCount: field(7, 'uint32'),
    flags: field(8, 'fixed32'),
    traceId: field(9, 'bytes'),
    spanId: field(10, 'bytes'),
    observedTimeUnixNano: field(11, 'fixed64'),
    eventName: field(12, 'string'),
  }),
};
