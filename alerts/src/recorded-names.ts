/**
 * Names of the series the recording rules write, in the `level:metric:operations` form Prometheus
 * recommends. Dashboards may query them; like the SDK's names they are constants, so a rename
 * breaks whoever reads them at build time.
 *
 * Window suffixes always spell the production window, also when a fast profile renders the rule
 * over a shorter one, so the same queries work against both.
 */
import type { Duration } from './duration.ts';

/** Per-service HTTP series (`job` = the service). */
export const HTTP_RECORDED = {
  /** Requests per second over 5m. */
  requestRate: 'job:http_server_requests:rate5m',
  /** Share of requests answered with a 5xx status over 5m; 0 when none failed. */
  errorRatio: 'job:http_server_errors:ratio_rate5m',
  /** 99th percentile request duration over 5m, seconds. */
  p99: 'job:http_server_request_duration_seconds:p99_rate5m',
  /** The median of the 5m p99 over the last day: the service's own normal p99, seconds. */
  p99Baseline: 'job:http_server_request_duration_seconds:p99_baseline1d',
} as const;

/** Per-service security series. */
export const SECURITY_RECORDED = {
  /** Failed API-key authentications per second over 5m. */
  authFailureRate: 'job:lookout_auth_failures:rate5m',
} as const;

/** SLO series; each carries `job` and `slo` (`availability` or `latency`). */
export const SLO_RECORDED = {
  /** The objective, e.g. 0.999, as a series so dashboards can draw it. */
  objective: 'slo:objective:ratio',
  /** Share of the error budget still unspent over the SLO period; negative once overspent. */
  budgetRemaining: 'slo:error_budget_remaining:ratio',
} as const;

/** Share of bad events over `window` (`slo:error_ratio:rate1h`). */
export function sloErrorRatio(window: Duration): string {
  return `slo:error_ratio:rate${window}`;
}

/** Mean of the 5m error ratio over the whole SLO `period` (`slo:error_ratio:avg30d`). */
export function sloPeriodErrorRatio(period: Duration): string {
  return `slo:error_ratio:avg${period}`;
}
