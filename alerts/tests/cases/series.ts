/**
 * Builders for the input series of the promtool tests. Names and labels come from the same
 * constants as the rules, so a renamed metric fails the tests as well as the rules.
 */
import { TARGET_LABELS } from '../../src/labels.ts';
import {
  HTTP_LABELS,
  HTTP_SERVER_REQUEST_DURATION,
  histogramSeries,
} from '../../src/metric-names.ts';

/** `name{a="1", b="2"}` from a label map. */
export function series(name: string, labels: Readonly<Record<string, string>>): string {
  const matchers = Object.entries(labels).map(([key, value]) => `${key}=${JSON.stringify(value)}`);
  return `${name}{${matchers.join(', ')}}`;
}

/** The labels of one instance of a service, as its scrape target carries them. */
export function target(job: string, instance = `${job}-1:3000`): Record<string, string> {
  return { [TARGET_LABELS.service]: job, [TARGET_LABELS.instance]: instance };
}

const HTTP = histogramSeries(HTTP_SERVER_REQUEST_DURATION);

/** Labels of one route's requests with one status code. */
export function routeLabels(
  job: string,
  status: string,
  route = '/orders',
): Record<string, string> {
  return {
    ...target(job),
    [HTTP_LABELS.method]: 'GET',
    [HTTP_LABELS.route]: route,
    [HTTP_LABELS.statusCode]: status,
  };
}

/** The request counter (`_count`) of `job`'s requests answered with `status`. */
export function requestCount(job: string, status: string, route?: string): string {
  return series(HTTP.count, routeLabels(job, status, route));
}

/** The cumulative bucket `le` of `job`'s requests answered with `status`. */
export function requestBucket(job: string, status: string, le: string): string {
  return series(HTTP.bucket, { ...routeLabels(job, status), le });
}

/**
 * Input series of a histogram whose counts grow by `perMinute[le]` each minute for `minutes`
 * minutes; `+Inf` and `_count` grow by the largest count.
 */
export function histogram(
  job: string,
  perMinute: Readonly<Record<string, number>>,
  minutes: number,
): { series: string; values: string }[] {
  const total = Math.max(...Object.values(perMinute));
  const buckets = Object.entries({ ...perMinute, '+Inf': total }).map(([le, count]) => ({
    series: requestBucket(job, '200', le),
    values: `0+${count}x${minutes}`,
  }));
  return [...buckets, { series: requestCount(job, '200'), values: `0+${total}x${minutes}` }];
}

/**
 * Values of a counter sampled each minute that grows by `first.rate` a minute up to minute
 * `first.minutes`, then by `then.rate` a minute for `then.minutes` more, without a reset:
 * `0+100x120 12090+90x59`.
 */
export function twoPhases(
  first: { rate: number; minutes: number },
  then: { rate: number; minutes: number },
): string {
  const start = first.rate * first.minutes + then.rate;
  return `0+${first.rate}x${first.minutes} ${start}+${then.rate}x${then.minutes - 1}`;
}
