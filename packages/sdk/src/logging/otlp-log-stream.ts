import { ROOT_CONTEXT, TraceFlags, trace } from '@opentelemetry/api';
import { type Logger as OtelLogger, SeverityNumber } from '@opentelemetry/api-logs';
import type { ProblemReporter } from '../internal/problem-reporter.ts';

/** pino's numeric levels mapped to OpenTelemetry severities. */
const SEVERITY: Record<number, [SeverityNumber, string]> = {
  10: [SeverityNumber.TRACE, 'TRACE'],
  20: [SeverityNumber.DEBUG, 'DEBUG'],
  30: [SeverityNumber.INFO, 'INFO'],
  40: [SeverityNumber.WARN, 'WARN'],
  50: [SeverityNumber.ERROR, 'ERROR'],
  60: [SeverityNumber.FATAL, 'FATAL'],
};

/** Fields that become part of the OTLP record itself, not attributes. */
const RECORD_FIELDS = new Set([
  'level',
  'time',
  'msg',
  'trace_id',
  'span_id',
  'trace_flags',
  'pid',
  'hostname',
]);

/**
 * A pino destination that re-emits each finished log line as an OpenTelemetry log record. It
 * receives the line after redaction, exactly as written to stdout, so both outputs always agree
 * and a record is exported once. The trace ids stamped on the line become the record's context,
 * which is what Loki stores as `trace_id` structured metadata.
 */
export class OtlpLogStream {
  readonly #logger: OtelLogger;
  readonly #problems: ProblemReporter;

  constructor(logger: OtelLogger, problems: ProblemReporter) {
    this.#logger = logger;
    this.#problems = problems;
  }

  write(line: string): void {
    try {
      this.#emit(JSON.parse(line) as Record<string, unknown>);
    } catch (error) {
      this.#problems.report('logs.bridge', 'a log line could not be exported over OTLP', error);
    }
  }

  #emit(entry: Record<string, unknown>): void {
    const [severityNumber, severityText] = SEVERITY[Number(entry.level)] ?? [
      SeverityNumber.UNSPECIFIED,
      'UNSPECIFIED',
    ];
    const attributes: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(entry)) {
      if (!RECORD_FIELDS.has(key)) attributes[key] = value;
    }
    this.#logger.emit({
      severityNumber,
      severityText,
      body: typeof entry.msg === 'string' ? entry.msg : '',
      timestamp: typeof entry.time === 'number' ? entry.time : Date.now(),
      attributes: attributes as never,
      context: traceContextOf(entry),
    });
  }
}

function traceContextOf(entry: Record<string, unknown>) {
  const { trace_id: traceId, span_id: spanId, trace_flags: flags } = entry;
  if (typeof traceId !== 'string' || typeof spanId !== 'string') return undefined;
  const traceFlags = flags === '00' ? TraceFlags.NONE : TraceFlags.SAMPLED;
  return trace.setSpanContext(ROOT_CONTEXT, { traceId, spanId, traceFlags, isRemote: false });
}
