/**
 * Small PromQL builders. Queries stay readable strings; these helpers only remove the parts
 * that must never differ between panels: the target matchers, `$__rate_interval` in every
 * rate, and the zero that keeps a healthy service's error panels from reading "No data".
 */
import { BUCKET_LABEL, TARGET_LABELS } from './labels.ts';

/** The range every rate uses: Grafana keeps it at least four scrape intervals long. */
export const RATE_INTERVAL = '$__rate_interval';

/** Matchers that pick the dashboard's service, environments and instances. */
export const SERVICE_MATCHERS: readonly string[] = [
  `${TARGET_LABELS.service}=~"$service"`,
  `${TARGET_LABELS.environment}=~"$environment"`,
  `${TARGET_LABELS.instance}=~"$instance"`,
];

/** `metric{matchers..., extra...}`. */
export function series(
  metric: string,
  matchers: readonly string[],
  extra: readonly string[] = [],
): string {
  return `${metric}{${[...matchers, ...extra].join(', ')}}`;
}

/** `metric` restricted to the selected service, environments and instances. */
export function serviceSeries(metric: string, extra: readonly string[] = []): string {
  return series(metric, SERVICE_MATCHERS, extra);
}

/** Per-second rate over `$__rate_interval`. */
export function rate(selector: string): string {
  return `rate(${selector}[${RATE_INTERVAL}])`;
}

/** Per-second rate over a fixed window; only SLO panels, whose window is the point, use it. */
export function rateOver(selector: string, window: string): string {
  return `rate(${selector}[${window}])`;
}

/** `sum by (labels) (expr)`, or a plain `sum (expr)` without labels. */
export function sumBy(labels: readonly string[], expr: string): string {
  return labels.length === 0 ? `sum(${expr})` : `sum by (${labels.join(', ')}) (${expr})`;
}

/**
 * Zero instead of no result. Counters of bad events (errors, refusals, drops) do not exist until
 * the first bad event, and "No data" on a healthy service reads like a broken panel. `on()`
 * makes the zero appear only when `expr` has no series at all, instead of beside them.
 */
export function orZero(expr: string): string {
  return `(${expr}) or on() vector(0)`;
}

/**
 * `numerator / denominator` per `by` group, where a group with traffic but no bad events reads
 * 0 instead of disappearing: the numerator is padded with zero times the denominator.
 */
export function ratio(numerator: string, denominator: string, by: readonly string[]): string {
  const num = sumBy(by, numerator);
  const den = sumBy(by, denominator);
  if (by.length === 0) return `(${orZero(num)}) / ${den}`;
  return `(${num} or (0 * ${den})) / ${den}`;
}

/** The `q` quantile of a histogram from the rate of its buckets, per `by` group. */
export function quantile(q: number, bucketRate: string, by: readonly string[] = []): string {
  return `histogram_quantile(${q}, ${sumBy([BUCKET_LABEL, ...by], bucketRate)})`;
}
