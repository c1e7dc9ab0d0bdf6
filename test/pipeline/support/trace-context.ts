/** W3C trace context chosen by the test, so every request's trace id is known before it is sent. */
import { randomBytes } from 'node:crypto';

/** The caller's side of a trace: the ids the service's server span will hang under. */
export interface ClientTraceContext {
  /** 32 lowercase hex digits. */
  readonly traceId: string;
  /** The caller's span id (16 hex digits): the parent of the service's server span. */
  readonly parentSpanId: string;
  /** The `traceparent` header value, sampled. */
  readonly traceparent: string;
}

/** A fresh, sampled trace context; the SDK's parent-based sampler keeps every such trace. */
export function newTraceContext(): ClientTraceContext {
  const traceId = randomBytes(16).toString('hex');
  const parentSpanId = randomBytes(8).toString('hex');
  return { traceId, parentSpanId, traceparent: `00-${traceId}-${parentSpanId}-01` };
}
