/**
 * Fixed-rate traffic against the example services in which every request carries a trace
 * context chosen here, so each request's spans, log records and exemplars can be looked up by
 * its trace id afterwards.
 */
import { type LoadRequest, type LoadResult, runLoad } from '@lookout/testkit';
import { type ClientTraceContext, newTraceContext } from './trace-context.ts';

/**
 * `order`: POST /api/v1/orders with one line, which reserves stock in inventory, so it crosses
 * both services (201). `lookup`: GET /api/v1/orders/<unknown id>, which orders answers 404 and
 * logs once as `request rejected`, the unknown id in the record's `detail`.
 */
export type TrafficKind = 'order' | 'lookup';

/** One request as planned, before it was sent. */
export interface PlannedRequest {
  readonly index: number;
  readonly kind: TrafficKind;
  readonly context: ClientTraceContext;
  /** For a lookup, the unknown order id it asks for: unique, so its log record is too. */
  readonly lookupId: string | undefined;
}

/** What a traffic run sent and what came back. */
export interface TrafficResult {
  readonly load: LoadResult;
  /** By index, in schedule order. */
  readonly requests: readonly PlannedRequest[];
  /** HTTP status (or error code) of each request, by index. */
  readonly statuses: readonly string[];
}

/** Options of {@link runTraffic}. */
export interface TrafficOptions {
  readonly ordersUrl: string;
  readonly rps: number;
  readonly durationMs: number;
  /** Which kind request `index` is. Default: orders and lookups in turn. */
  readonly kindOf?: (index: number) => TrafficKind;
  /** Extra headers on every request, e.g. planted secrets. */
  readonly headers?: Record<string, string>;
  /** Extra query string on every request, without `?`. */
  readonly query?: string;
  /** Called as request `index` is built, i.e. at its scheduled start. */
  readonly onSchedule?: (index: number) => void;
}

/** Sends the traffic at a fixed rate (testkit's open-model generator) and keeps the plan. */
export async function runTraffic(options: TrafficOptions): Promise<TrafficResult> {
  const kindOf = options.kindOf ?? ((index: number) => (index % 2 === 0 ? 'order' : 'lookup'));
  const requests: PlannedRequest[] = [];
  const load = await runLoad({
    rps: options.rps,
    durationMs: options.durationMs,
    requestFactory: (index) => {
      options.onSchedule?.(index);
      const planned = plan(index, kindOf(index));
      requests[index] = planned;
      return toLoadRequest(planned, options);
    },
  });

  const statuses: string[] = [];
  for (const sample of load.samples) {
    statuses[Math.round((sample.offsetMs * options.rps) / 1000)] = sample.status;
  }
  return { load, requests, statuses };
}

function plan(index: number, kind: TrafficKind): PlannedRequest {
  const lookupId = kind === 'lookup' ? crypto.randomUUID() : undefined;
  return { index, kind, context: newTraceContext(), lookupId };
}

function toLoadRequest(planned: PlannedRequest, options: TrafficOptions): LoadRequest {
  const query = options.query ? `?${options.query}` : '';
  const headers = { traceparent: planned.context.traceparent, ...options.headers };
  if (planned.kind === 'lookup') {
    return { url: `${options.ordersUrl}/api/v1/orders/${planned.lookupId}${query}`, headers };
  }
  return {
    url: `${options.ordersUrl}/api/v1/orders${query}`,
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({
      customerId: `c-${1 + (planned.index % 200)}`,
      items: [{ sku: 'KB-101', quantity: 1 }],
    }),
  };
}

/** How many requests of `kind` were answered with `status`. */
export function countAnswered(result: TrafficResult, kind: TrafficKind, status: string): number {
  return result.requests.filter((r) => r.kind === kind && result.statuses[r.index] === status)
    .length;
}

/** The status counts of a run in which every order was created and every lookup not found. */
export function expectedStatusCounts(result: TrafficResult): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { kind } of result.requests) {
    const status = kind === 'order' ? '201' : '404';
    counts[status] = (counts[status] ?? 0) + 1;
  }
  return counts;
}
