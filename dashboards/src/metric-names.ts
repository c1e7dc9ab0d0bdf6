/**
 * The dashboards' only door to the SDK's metric names.
 *
 * Every panel takes its metric and label names from here, and this module takes them from the
 * SDK's source, so renaming a metric in the SDK breaks the dashboards' type check and their
 * tests instead of leaving a panel silently empty. The SDK's `./metric-names` export points at
 * its build output, which does not exist in a fresh checkout, hence the source path.
 */
export {
  EXEMPLAR_TRACE_ID_LABEL,
  HTTP_LABELS,
  HTTP_SERVER_ACTIVE_REQUESTS,
  HTTP_SERVER_REQUEST_DURATION,
  LOOKOUT_LABELS,
  LOOKOUT_METRICS,
  RESOURCE_LABELS,
  RUNTIME_LABELS,
  RUNTIME_METRICS,
  UNMATCHED_ROUTE,
} from '../../packages/sdk/src/metrics/names.ts';

/** The three series Prometheus keeps for one histogram. */
export interface HistogramSeries {
  readonly bucket: string;
  readonly count: string;
  readonly sum: string;
}

/** Names the `_bucket`, `_count` and `_sum` series of a Prometheus histogram. */
export function histogramSeries(name: string): HistogramSeries {
  return { bucket: `${name}_bucket`, count: `${name}_count`, sum: `${name}_sum` };
}
