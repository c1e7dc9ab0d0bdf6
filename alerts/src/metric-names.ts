/**
 * The alert rules' only door to the SDK's metric and label names.
 *
 * Every expression takes its names from here, and this module takes them from the SDK's source,
 * so a rename in the SDK breaks the rules' type check and tests instead of leaving an alert
 * silently unable to fire. The SDK's `@lookout/sdk/metric-names` export points at its build
 * output, which a fresh checkout does not have yet, hence the source path: this is the one place
 * in `alerts/` allowed to reach into another package's files.
 */
export {
  HTTP_LABELS,
  HTTP_SERVER_REQUEST_DURATION,
  LOOKOUT_LABELS,
  LOOKOUT_METRICS,
  RESOURCE_LABELS,
  RUNTIME_METRICS,
  UNMATCHED_ROUTE,
} from '../../packages/sdk/src/metrics/names.ts';

/** Series of Prometheus itself. */
export const PROMETHEUS_METRICS = {
  /** Written for every scrape target: 1 when the last scrape worked. */
  up: 'up',
  /**
   * Prometheus's own HTTP requests by `handler` and `code` (counter). It exists only where
   * Prometheus scrapes itself, as the `prometheus` job of compose/prometheus does.
   */
  httpRequests: 'prometheus_http_requests_total',
} as const;

/** Labels of {@link PROMETHEUS_METRICS.httpRequests}: the API path and the HTTP status. */
export const PROMETHEUS_LABELS = { handler: 'handler', code: 'code' } as const;

/** The `handler` value of the remote-write receiver. */
export const REMOTE_WRITE_HANDLER = '/api/v1/write';

/** The three series Prometheus stores for one histogram. */
export interface HistogramSeries {
  readonly bucket: string;
  readonly count: string;
  readonly sum: string;
}

/** Names the `_bucket`, `_count` and `_sum` series of the histogram `name`. */
export function histogramSeries(name: string): HistogramSeries {
  return { bucket: `${name}_bucket`, count: `${name}_count`, sum: `${name}_sum` };
}
