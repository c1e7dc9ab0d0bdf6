/**
 * Per-service HTTP rules that need no SLO: recordings of rate, error ratio and p99, and the alerts
 * for a high error ratio, a slow p99 and a p99 that regressed against its own usual value.
 */
import type { Duration } from '../duration.ts';
import { SERVICE_GROUPING } from '../labels.ts';
import { DASHBOARDS } from '../links.ts';
import { HTTP_LABELS, HTTP_SERVER_REQUEST_DURATION, histogramSeries } from '../metric-names.ts';
import { hold, type RenderProfile, range } from '../profile.ts';
import { num, rate, ratioOrZero, selector, sumBy } from '../promql.ts';
import { HTTP_RECORDED } from '../recorded-names.ts';
import type { AlertSpec, RecordingRule, RuleGroupSpec } from '../rule-types.ts';
import type { Severity } from '../severity.ts';

const HTTP = histogramSeries(HTTP_SERVER_REQUEST_DURATION);

/**
 * Below this many requests per second a service is left alone by the ratio and latency alerts:
 * with a handful of requests, one failure or one slow call would look like an outage.
 */
export const MIN_REQUEST_RATE = 0.1;

/** The window of the HTTP recordings, so of every threshold alert here. */
export const HTTP_WINDOW: Duration = '5m';

/** One severity tier of an alert with a threshold. */
export interface Tier {
  readonly severity: Severity;
  readonly threshold: number;
  readonly for: Duration;
}

/**
 * The error ratio alert's tiers. Services with an SLO page on its budget burn first; the critical
 * tier is the page for services without one.
 */
export const ERROR_RATIO_TIERS: readonly Tier[] = [
  { severity: 'warning', threshold: 0.05, for: '5m' },
  { severity: 'critical', threshold: 0.25, for: '5m' },
];

/** p99 above this many seconds is slow for any HTTP service here. */
export const P99_THRESHOLD_SECONDS = 1;

/** A p99 this many times its usual value is a regression... */
export const REGRESSION_FACTOR = 2;
/** ...once it is above this many seconds: a jump from 2 ms to 5 ms harms nobody. */
export const REGRESSION_FLOOR_SECONDS = 0.1;

/** The HTTP recordings and alerts, in one group so the alerts read this evaluation's values. */
export function httpRuleGroup(profile: RenderProfile): RuleGroupSpec {
  return {
    name: 'http-services',
    rules: [
      ...httpRecordings(profile),
      ...ERROR_RATIO_TIERS.map((tier) => highErrorRatio(profile, tier)),
      latencyP99High(profile),
      latencyRegression(profile),
    ],
  };
}

function httpRecordings(profile: RenderProfile): RecordingRule[] {
  const window = range(profile, HTTP_WINDOW);
  const total = sumBy(SERVICE_GROUPING, rate(HTTP.count, window));
  const failed = sumBy(
    SERVICE_GROUPING,
    rate(selector(HTTP.count, [`${HTTP_LABELS.statusCode}=~"5.."`]), window),
  );
  const buckets = sumBy([...SERVICE_GROUPING, 'le'], rate(HTTP.bucket, window));
  // The baseline is the median of the last day's p99: an hour-long regression moves it little.
  const baselineRange = range(profile, '1d');
  return [
    { record: HTTP_RECORDED.requestRate, expr: total },
    { record: HTTP_RECORDED.errorRatio, expr: ratioOrZero(failed, total) },
    { record: HTTP_RECORDED.p99, expr: `histogram_quantile(0.99, ${buckets})` },
    {
      record: HTTP_RECORDED.p99Baseline,
      expr: `quantile_over_time(0.5, ${HTTP_RECORDED.p99}[${baselineRange}])`,
    },
  ];
}

const ENOUGH_TRAFFIC = `${HTTP_RECORDED.requestRate} > ${num(MIN_REQUEST_RATE)}`;

function highErrorRatio(profile: RenderProfile, tier: Tier): AlertSpec {
  const percent = `${num(tier.threshold * 100)}%`;
  return {
    alert: 'HighErrorRatio',
    expr: `${HTTP_RECORDED.errorRatio} > ${num(tier.threshold)}\nand\n${ENOUGH_TRAFFIC}`,
    for: hold(profile, tier.for),
    severity: tier.severity,
    perService: true,
    symptom: true,
    summary: `{{ $labels.job }} is failing more than ${percent} of its requests`,
    description:
      `{{ $value | humanizePercentage }} of {{ $labels.job }} requests failed with a 5xx status ` +
      `over the last ${range(profile, HTTP_WINDOW)} (threshold ${percent}).`,
    dashboard: DASHBOARDS.serviceOverview,
  };
}

function latencyP99High(profile: RenderProfile): AlertSpec {
  return {
    alert: 'LatencyP99High',
    expr: `${HTTP_RECORDED.p99} > ${num(P99_THRESHOLD_SECONDS)}\nand\n${ENOUGH_TRAFFIC}`,
    for: hold(profile, '10m'),
    severity: 'warning',
    perService: true,
    symptom: true,
    summary: '{{ $labels.job }} is slow: 1 request in 100 takes longer than 1 second',
    description:
      `The 99th percentile of {{ $labels.job }} request durations is ` +
      `{{ $value | humanizeDuration }} over the last ${range(profile, HTTP_WINDOW)} ` +
      `(threshold ${num(P99_THRESHOLD_SECONDS)}s).`,
    dashboard: DASHBOARDS.serviceOverview,
  };
}

// The description looks the baseline up itself, so the page shows both numbers side by side.
const BASELINE_LOOKUP =
  `{{ with printf "${HTTP_RECORDED.p99Baseline}{job=%q}" $labels.job | query }}` +
  '{{ . | first | value | humanizeDuration }}{{ end }}';

function latencyRegression(profile: RenderProfile): AlertSpec {
  const p99 = HTTP_RECORDED.p99;
  return {
    alert: 'LatencyRegression',
    expr:
      `${p99} > ${num(REGRESSION_FACTOR)} * ${HTTP_RECORDED.p99Baseline}\n` +
      `and\n${p99} > ${num(REGRESSION_FLOOR_SECONDS)}\nand\n${ENOUGH_TRAFFIC}`,
    for: hold(profile, '15m'),
    severity: 'warning',
    perService: true,
    symptom: true,
    summary: '{{ $labels.job }} got slower: its p99 is more than twice its usual value',
    description:
      `The 99th percentile of {{ $labels.job }} request durations is ` +
      `{{ $value | humanizeDuration }}; over the last ${range(profile, '1d')} it was usually ` +
      `${BASELINE_LOOKUP}.`,
    dashboard: DASHBOARDS.serviceOverview,
  };
}
