import pino, { type DestinationStream, type Logger, type LoggerOptions } from 'pino';
import { activeTraceContext } from '../internal/trace-context.ts';
import { redactDeep } from '../redaction/redact-deep.ts';
import { scrubText } from '../redaction/secret-patterns.ts';

export type { Logger } from 'pino';

export interface CreateLoggerOptions {
  readonly level: LoggerOptions['level'];
  /** Keys redacted in addition to the built-in secret list. */
  readonly redactKeys: readonly string[];
  /** Fields on every line, e.g. the service name. */
  readonly base?: Record<string, unknown>;
  /** Where lines go; several destinations receive the same redacted line. */
  readonly destinations: readonly DestinationStream[];
}

/**
 * The application logger: pino writing JSON lines. Every line written while a span is active
 * carries `trace_id` and `span_id`, read from the context by a mixin rather than by patching
 * pino, so correlation holds in ESM apps and wherever instrumentation did not reach. Secrets are
 * redacted at any depth before the line is serialised, for every destination at once.
 */
export function createLogger(options: CreateLoggerOptions): Logger {
  const extra = options.redactKeys;
  const serializeError = pino.stdSerializers.err;
  const streams = options.destinations.map((stream) => ({ stream, level: 'trace' as const }));

  return pino(
    {
      level: options.level,
      base: options.base ?? null,
      messageKey: 'msg',
      timestamp: pino.stdTimeFunctions.epochTime,
      mixin: traceFields,
      // Errors are already serialised by the log formatter; pino must not serialise them again.
      serializers: { err: (error: unknown) => error },
      formatters: {
        // Errors are serialised here, before redaction, so secrets inside them are caught too.
        log: (object) =>
          redactDeep(withSerializedErrors(object, serializeError), extra) as Record<
            string,
            unknown
          >,
        bindings: (bindings) => redactDeep(bindings, extra) as Record<string, unknown>,
      },
      hooks: {
        logMethod(args, method) {
          const scrubbed = args.map((arg) =>
            typeof arg === 'string' ? scrubText(arg, { extraKeys: extra }) : arg,
          );
          method.apply(this, scrubbed as Parameters<typeof method>);
        },
      },
    },
    streams.length === 1 && streams[0] ? streams[0].stream : pino.multistream(streams),
  );
}

function traceFields(): Record<string, string> {
  const active = activeTraceContext();
  if (active === undefined) return {};
  return {
    trace_id: active.traceId,
    span_id: active.spanId,
    trace_flags: active.sampled ? '01' : '00',
  };
}

function withSerializedErrors(
  object: Record<string, unknown>,
  serialize: (error: Error) => unknown,
): Record<string, unknown> {
  let copy: Record<string, unknown> | undefined;
  for (const [key, value] of Object.entries(object)) {
    if (value instanceof Error) {
      copy ??= { ...object };
      copy[key] = serialize(value);
    }
  }
  return copy ?? object;
}
