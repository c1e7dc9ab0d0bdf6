/**
 * Security rules from the SDK's middleware counters: a spike of failed API-key authentications
 * (credential stuffing, a leaked or rotated key) and a surge of rate-limited requests.
 */
import { SERVICE_GROUPING } from '../labels.ts';
import { DASHBOARDS } from '../links.ts';
import {
  HTTP_SERVER_REQUEST_DURATION,
  histogramSeries,
  LOOKOUT_LABELS,
  LOOKOUT_METRICS,
} from '../metric-names.ts';
import { hold, type RenderProfile, range } from '../profile.ts';
import { eq, num, rate, selector, sumBy } from '../promql.ts';
import { SECURITY_RECORDED } from '../recorded-names.ts';
import type { AlertSpec, RecordingRule, RuleGroupSpec } from '../rule-types.ts';

/** Failed authentications per second below which nothing is called a spike. */
export const AUTH_FAILURE_MIN_RATE = 1;
/** A spike: this many times the failure rate of the day before. */
export const AUTH_FAILURE_SPIKE_FACTOR = 4;

/** Share of requests refused by the rate limiter that counts as a surge... */
export const RATE_LIMITED_SHARE = 0.1;
/** ...when at least this many requests per second are refused. */
export const RATE_LIMITED_MIN_RATE = 1;

/** The security recordings and alerts. */
export function securityRuleGroup(profile: RenderProfile): RuleGroupSpec {
  const failures = selector(LOOKOUT_METRICS.authAttempts, [eq(LOOKOUT_LABELS.result, 'failure')]);
  const failureRate: RecordingRule = {
    record: SECURITY_RECORDED.authFailureRate,
    expr: sumBy(SERVICE_GROUPING, rate(failures, range(profile, '5m'))),
  };
  return {
    name: 'security',
    rules: [failureRate, authFailureSpike(profile), rateLimitSurge(profile)],
  };
}

// The baseline is the average 5m rate over the day before the last hour. An average of recorded
// rates, not a 1d rate(): rate() divides by the whole range, so a day-long range over a few hours
// of history would understate the baseline. The hour's gap keeps a sustained attack from becoming
// its own baseline within minutes: it stays a spike until it fills a quarter of the day. A service
// with no failures in that day gets a zero baseline instead of none, so a first-ever burst is
// still a spike.
function authFailureSpike(profile: RenderProfile): AlertSpec {
  const now = SECURITY_RECORDED.authFailureRate;
  const before = `avg_over_time(${now}[${range(profile, '1d')}] offset ${hold(profile, '1h')})`;
  const factor = num(AUTH_FAILURE_SPIKE_FACTOR);
  return {
    alert: 'AuthFailureSpike',
    expr:
      `${now} > ${num(AUTH_FAILURE_MIN_RATE)}\nand\n` +
      `${now} > ${factor} * (${before} or 0 * ${now})`,
    for: hold(profile, '5m'),
    severity: 'warning',
    perService: true,
    symptom: true,
    summary: '{{ $labels.job }} is rejecting a burst of API keys: an attack or a broken client',
    description:
      `{{ $labels.job }} rejected {{ printf "%.2f" $value }} authentication attempts/s over the ` +
      `last ${range(profile, '5m')}, more than ${factor} times their rate over the day before ` +
      `and above ${num(AUTH_FAILURE_MIN_RATE)}/s.`,
    dashboard: DASHBOARDS.security,
  };
}

function rateLimitSurge(profile: RenderProfile): AlertSpec {
  const window = range(profile, '5m');
  const limited = sumBy(SERVICE_GROUPING, rate(LOOKOUT_METRICS.rateLimitHits, window));
  const requests = sumBy(
    SERVICE_GROUPING,
    rate(histogramSeries(HTTP_SERVER_REQUEST_DURATION).count, window),
  );
  const percent = `${num(RATE_LIMITED_SHARE * 100)}%`;
  return {
    alert: 'RateLimitSurge',
    expr:
      `${limited}\n/\n${requests}\n> ${num(RATE_LIMITED_SHARE)}\nand\n` +
      `${limited} > ${num(RATE_LIMITED_MIN_RATE)}`,
    for: hold(profile, '10m'),
    severity: 'warning',
    perService: true,
    symptom: true,
    summary: `{{ $labels.job }} is turning away more than ${percent} of its requests with 429`,
    description:
      `The rate limiter of {{ $labels.job }} refused {{ $value | humanizePercentage }} of its ` +
      `requests over the last ${window} (threshold ${percent}): a client is misbehaving or the ` +
      'limits are too tight for real traffic.',
    dashboard: DASHBOARDS.security,
  };
}
