/**
 * Waits until what the proof's traffic caused has reached Prometheus, through the sidecars and
 * their remote write: server errors, refusals with 401, 403 and 429, rate-limit hits, CORS
 * refusals and audit records, for each service. Each must have two samples in a rate window, so a
 * `rate()` over it returns a value, not nothing.
 */
import {
  HTTP_LABELS,
  HTTP_SERVER_REQUEST_DURATION,
  LOOKOUT_METRICS,
} from '@lookout/sdk/metric-names';
import type { PrometheusServer } from '@lookout/testkit';
import { RANGE_VALUES } from './dashboard-variables.ts';
import { SERVICE_NAMES } from './proof-stack.ts';

const REQUESTS = `${HTTP_SERVER_REQUEST_DURATION}_count`;
const STATUS = HTTP_LABELS.statusCode;

/** Selectors of what the traffic causes, with `$job` standing for the service. */
const EVIDENCE = [
  `${REQUESTS}{job="$job", ${STATUS}=~"5.."}`,
  `${REQUESTS}{job="$job", ${STATUS}="401"}`,
  `${REQUESTS}{job="$job", ${STATUS}="403"}`,
  `${REQUESTS}{job="$job", ${STATUS}="429"}`,
  `${LOOKOUT_METRICS.rateLimitHits}{job="$job"}`,
  `${LOOKOUT_METRICS.corsRejections}{job="$job"}`,
  `${LOOKOUT_METRICS.auditEvents}{job="$job"}`,
];

/** Resolves once every piece of evidence is in Prometheus for every service. */
export async function waitForTrafficEvidence(prometheus: PrometheusServer): Promise<void> {
  const window = RANGE_VALUES.__rate_interval;
  const selectors = SERVICE_NAMES.flatMap((job) => EVIDENCE.map((e) => e.replace('$job', job)));
  const all = selectors.map((selector) => `count(rate(${selector}[${window}]))`).join(' and ');
  await prometheus.waitForQuery(all, (result) => result.samples.length > 0, { timeoutMs: 60_000 });
}
