/** Turns a decoded logs export request into one {@link OtlpLogRecord} per log record. */
import type { RawLogRecord, RawLogsRequest } from './raw-types.ts';
import type { OtlpAttributes, OtlpLogRecord, OtlpScope } from './records.ts';
import { anyValue, attributes, enumNumber, hexId, scope, toBigInt } from './wire-values.ts';

// SeverityNumber names in the order of their numbers, for JSON senders that spell them out.
const SEVERITY_NAMES = ['SEVERITY_NUMBER_UNSPECIFIED'].concat(
  ...['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR', 'FATAL'].map((level) =>
    ['', '2', '3', '4'].map((step) => `SEVERITY_NUMBER_${level}${step}`),
  ),
);

/** Every log record in `request`, in the order they were sent. */
export function flattenLogs(request: RawLogsRequest): OtlpLogRecord[] {
  const records: OtlpLogRecord[] = [];
  for (const resourceLogs of request.resourceLogs ?? []) {
    const resource = attributes(resourceLogs.resource?.attributes);
    for (const scopeLogs of resourceLogs.scopeLogs ?? []) {
      const logScope = scope(scopeLogs.scope);
      for (const raw of scopeLogs.logRecords ?? []) records.push(toLog(raw, resource, logScope));
    }
  }
  return records;
}

function toLog(raw: RawLogRecord, resource: OtlpAttributes, logScope: OtlpScope): OtlpLogRecord {
  return {
    traceId: hexId(raw.traceId),
    spanId: hexId(raw.spanId),
    severityNumber: enumNumber(raw.severityNumber, SEVERITY_NAMES),
    severityText: raw.severityText ?? '',
    body: anyValue(raw.body),
    attributes: attributes(raw.attributes),
    eventName: raw.eventName || undefined,
    timeUnixNano: toBigInt(raw.timeUnixNano),
    observedTimeUnixNano: toBigInt(raw.observedTimeUnixNano),
    resource,
    scope: logScope,
  };
}
