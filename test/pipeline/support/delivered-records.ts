/**
 * What reached the stand-in backends, counted the way a loss test must: by identity, so a
 * record delivered twice (a retry after a lost answer, a queue replayed after a crash) counts
 * once, and the duplicates are reported apart.
 */
import type { OtlpLogRecord, OtlpReceiver, OtlpSpan } from '@lookout/testkit';
import { jsonText } from './json-text.ts';

/** Records delivered, with and without duplicates. */
export interface DeliveredCount {
  /** Distinct records. */
  unique: number;
  /** Records received again after a first delivery. */
  duplicates: number;
}

/** A log record has no id of its own; these fields tell two records apart. */
export function logRecordKey(record: OtlpLogRecord): string {
  const service = String(record.resource['service.name']);
  const trace = `${record.traceId ?? '-'}/${record.spanId ?? '-'}`;
  return `${service} ${record.timeUnixNano} ${trace} ${jsonText([record.body, record.attributes])}`;
}

const fromServices = (services: readonly string[]) => (record: OtlpSpan | OtlpLogRecord) =>
  services.includes(String(record.resource['service.name']));

/** Spans of `services` delivered to `receiver`, by span id. */
export function deliveredSpans(
  receiver: OtlpReceiver,
  services: readonly string[],
): DeliveredCount {
  return countDistinct(receiver.spans.filter(fromServices(services)), (span) => span.spanId);
}

/** Log records of `services` delivered to `receiver`, by {@link logRecordKey}. */
export function deliveredLogs(receiver: OtlpReceiver, services: readonly string[]): DeliveredCount {
  return countDistinct(receiver.logs.filter(fromServices(services)), logRecordKey);
}

function countDistinct<T>(records: readonly T[], key: (record: T) => string): DeliveredCount {
  const unique = new Set(records.map(key)).size;
  return { unique, duplicates: records.length - unique };
}
