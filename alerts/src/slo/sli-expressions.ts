/**
 * The PromQL of each SLI's error ratio over one window, read from the SDK's HTTP server
 * histogram. Both SLIs count the same requests: the service's, narrowed by its matchers.
 */

import { SERVICE_GROUPING, TARGET_LABELS } from '../labels.ts';
import { HTTP_LABELS, HTTP_SERVER_REQUEST_DURATION, histogramSeries } from '../metric-names.ts';
import { eq, num, rate, ratioOrZero, selector, sumBy } from '../promql.ts';
import type { Slo } from './slo-types.ts';

const HTTP = histogramSeries(HTTP_SERVER_REQUEST_DURATION);

/** Matchers picking the requests an SLO counts. */
export function sloRequestMatchers(slo: Slo): readonly string[] {
  return [eq(TARGET_LABELS.service, slo.service), ...slo.matchers];
}

/** Share of `slo`'s bad events over `range` (already rendered, e.g. `5m`). */
export function errorRatioExpr(slo: Slo, range: string): string {
  return slo.kind === 'availability' ? availabilityErrors(slo, range) : latencyErrors(slo, range);
}

// Bad = answered with a 5xx status. 4xx are the client's mistakes and spend no budget.
function availabilityErrors(slo: Slo, range: string): string {
  const matchers = sloRequestMatchers(slo);
  const total = sumBy(SERVICE_GROUPING, rate(selector(HTTP.count, matchers), range));
  const failedMatchers = [...matchers, `${HTTP_LABELS.statusCode}=~"5.."`];
  const failed = sumBy(SERVICE_GROUPING, rate(selector(HTTP.count, failedMatchers), range));
  return ratioOrZero(failed, total);
}

// Bad = slower than the threshold: everything not in the threshold's cumulative bucket. Both
// series exist as soon as one request was counted, so no zero-padding is needed.
function latencyErrors(slo: Slo, range: string): string {
  const matchers = sloRequestMatchers(slo);
  const fastMatchers = [...matchers, bucketMatcher(slo.thresholdSeconds ?? Number.NaN)];
  const fast = sumBy(SERVICE_GROUPING, rate(selector(HTTP.bucket, fastMatchers), range));
  const total = sumBy(SERVICE_GROUPING, rate(selector(HTTP.count, matchers), range));
  return `1 - (\n  ${fast}\n  /\n  ${total}\n)`;
}

/**
 * The `le` matcher of the bucket `threshold`. Prometheus 3 stores classic histogram boundaries
 * as floats (`le="1.0"`) where Prometheus 2 keeps the exposition's `le="1"`, so a whole-number
 * threshold matches both spellings.
 */
export function bucketMatcher(threshold: number): string {
  const le = num(threshold);
  return Number.isInteger(threshold) ? `le=~"${le}(\\.0)?"` : eq('le', le);
}
