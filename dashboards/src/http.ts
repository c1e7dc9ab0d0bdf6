/**
 * PromQL for the SDK's HTTP server histogram, shared by the service, SLO and security
 * dashboards so that "a request", "an error" and "a slow request" mean the same on all three.
 */
import { BUCKET_LABEL } from './labels.ts';
import { HTTP_LABELS, HTTP_SERVER_REQUEST_DURATION, histogramSeries } from './metric-names.ts';
import { rate, serviceSeries } from './promql.ts';

/** `http_server_request_duration_seconds` and its `_bucket`, `_count` and `_sum` series. */
export const HTTP_DURATION = histogramSeries(HTTP_SERVER_REQUEST_DURATION);

/** A server error: the service answered 5xx. 4xx are the client's mistakes and not counted. */
export const SERVER_ERROR_MATCHER = `${HTTP_LABELS.statusCode}=~"5.."`;

/** Requests served, as a selector over the count series. */
export function requestSeries(extra: readonly string[] = []): string {
  return serviceSeries(HTTP_DURATION.count, extra);
}

/** Requests per second over `$__rate_interval`. */
export const REQUEST_RATE = rate(requestSeries());

/** 5xx responses per second over `$__rate_interval`. */
export const SERVER_ERROR_RATE = rate(requestSeries([SERVER_ERROR_MATCHER]));

/** Bucket counts per second, the input of quantiles and the heatmap. */
export const BUCKET_RATE = rate(serviceSeries(HTTP_DURATION.bucket));

/** Requests that finished within `threshold` seconds; `threshold` must be a bucket boundary. */
export function fastRequestSeries(threshold: string): string {
  return serviceSeries(HTTP_DURATION.bucket, [`${BUCKET_LABEL}="${threshold}"`]);
}
