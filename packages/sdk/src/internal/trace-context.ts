import { context, isSpanContextValid, TraceFlags, trace } from '@opentelemetry/api';

export interface ActiveTraceContext {
  readonly traceId: string;
  readonly spanId: string;
  readonly sampled: boolean;
}

/**
 * The trace and span id of the active span, read from the context directly so that correlation
 * works wherever a span is active, whether or not a library was instrumented.
 */
export function activeTraceContext(): ActiveTraceContext | undefined {
  const span = trace.getSpan(context.active());
  const spanContext = span?.spanContext();
  if (!spanContext || !isSpanContextValid(spanContext)) return undefined;
  return {
    traceId: spanContext.traceId,
    spanId: spanContext.spanId,
    sampled: (spanContext.traceFlags & TraceFlags.SAMPLED) === TraceFlags.SAMPLED,
  };
}
