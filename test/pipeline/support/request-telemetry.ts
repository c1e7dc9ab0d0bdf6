/** Awaiting the telemetry of a traffic run's requests at the stand-in backends. */
import type { OtlpLogRecord, OtlpReceiver, OtlpSpan } from '@lookout/testkit';
import type { PlannedRequest } from './traffic.ts';

const WAIT_MS = 30_000;

const traceIdsOf = (requests: readonly PlannedRequest[]) =>
  new Set(requests.map((r) => r.context.traceId));

/**
 * Waits for the server span of every request (an order has one in each service, a lookup one in
 * orders) and returns every span of their traces that Tempo holds.
 */
export async function spansOfRequests(
  tempo: OtlpReceiver,
  requests: readonly PlannedRequest[],
): Promise<OtlpSpan[]> {
  const wanted = traceIdsOf(requests);
  const serverSpans = requests.reduce((n, r) => n + (r.kind === 'order' ? 2 : 1), 0);
  await tempo.spans.waitFor((s) => s.kind === 'server' && wanted.has(s.traceId), {
    count: serverSpans,
    timeoutMs: WAIT_MS,
  });
  return tempo.spans.filter((s) => wanted.has(s.traceId));
}

/** Waits for one log record per request (orders logs each once) and returns those of the run. */
export async function logsOfRequests(
  loki: OtlpReceiver,
  requests: readonly PlannedRequest[],
): Promise<OtlpLogRecord[]> {
  const wanted = traceIdsOf(requests);
  const inRun = (record: OtlpLogRecord) => wanted.has(record.traceId ?? '');
  await loki.logs.waitFor(inRun, { count: requests.length, timeoutMs: WAIT_MS });
  return loki.logs.filter(inRun);
}
