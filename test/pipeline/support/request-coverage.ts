/**
 * Request by request, whether its telemetry arrived: the trace id the test chose for a request
 * is the unique id its server spans and its one log record are found by.
 */
import type { OtlpLogRecord, OtlpReceiver } from '@lookout/testkit';
import { jsonText } from './json-text.ts';
import type { PlannedRequest } from './traffic.ts';

/** The requests some of whose telemetry is missing, by index. */
export interface MissingTelemetry {
  /** Without a server span in each service the request crossed. */
  readonly spans: readonly number[];
  /** Without their log record (`order created` or `request rejected`). */
  readonly logs: readonly number[];
}

/** Checks `requests` against what Tempo and Loki hold. */
export function missingTelemetry(
  requests: readonly PlannedRequest[],
  tempo: OtlpReceiver,
  loki: OtlpReceiver,
): MissingTelemetry {
  const serverSpans = new Set(
    tempo.spans
      .filter((span) => span.kind === 'server')
      .map((span) => `${span.resource['service.name']} ${span.traceId}`),
  );
  const logged = new Set(loki.logs.all.map((record) => record.traceId));
  const crossed = (r: PlannedRequest) =>
    r.kind === 'order' ? ['orders', 'inventory'] : ['orders'];
  const spanMissing = (r: PlannedRequest) =>
    crossed(r).some((service) => !serverSpans.has(`${service} ${r.context.traceId}`));
  return {
    spans: requests.filter(spanMissing).map((r) => r.index),
    logs: requests.filter((r) => !logged.has(r.context.traceId)).map((r) => r.index),
  };
}

/**
 * For a failure message: the log records that belong to no request of `requests` (start-up
 * lines are expected here), which is where a record with a lost or wrong trace id shows up.
 */
export function logsOutsideRequests(
  requests: readonly PlannedRequest[],
  loki: OtlpReceiver,
): string {
  const planned = new Set(requests.map((r) => r.context.traceId));
  const describe = (record: OtlpLogRecord) =>
    jsonText({
      service: record.resource['service.name'],
      traceId: record.traceId,
      body: record.body,
      detail: record.attributes.detail,
    });
  const strays = loki.logs.filter((record) => !planned.has(record.traceId ?? ''));
  return `log records of no request:\n${strays.map(describe).join('\n')}`;
}
