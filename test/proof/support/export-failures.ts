/**
 * Export failures caused on purpose, so the series a sidecar only creates when it loses data
 * exist: Tempo and Loki (the OTLP stand-in) refuse writes with 400 for a moment, which the
 * sidecar counts as failed sends, then accept again. Likewise Prometheus rejects a few remote
 * writes, which only Prometheus counts.
 */
import { PROMETHEUS_METRICS, REMOTE_WRITE_HANDLER, SIDECAR_JOB } from '@lookout/alerts';
import {
  EXPORTER_SEND_FAILED_LOG_RECORDS,
  EXPORTER_SEND_FAILED_SPANS,
} from '@lookout/sidecar/metric-names';
import type { PrometheusServer } from '@lookout/testkit';
import { RANGE_VALUES } from './dashboard-variables.ts';
import { type ProofStack, SERVICE_NAMES } from './proof-stack.ts';

const WINDOW = RANGE_VALUES.__rate_interval;

/** The failure counters the refusals bring into being. */
export const PROVOKED_FAILURE_METRICS: readonly string[] = [
  EXPORTER_SEND_FAILED_SPANS,
  EXPORTER_SEND_FAILED_LOG_RECORDS,
];

/**
 * Makes the OTLP backends refuse writes until Prometheus has each failure counter from every
 * sidecar, twice (so a `rate()` over it has a value), then lets them accept again.
 */
export async function provokeExportFailures(
  stack: ProofStack,
  prometheus: PrometheusServer,
): Promise<void> {
  stack.backend.setMode('reject');
  try {
    for (const name of PROVOKED_FAILURE_METRICS) {
      const perSidecar = `count by (instance) (rate(${name}{job="${SIDECAR_JOB}"}[${WINDOW}]))`;
      await prometheus.waitForQuery(perSidecar, (r) => r.samples.length === SERVICE_NAMES.length, {
        timeoutMs: 30_000,
      });
    }
  } finally {
    stack.backend.setMode('ok');
  }
}

/** Prometheus's count of the remote writes it answered with 400, as a rate per instance. */
export const REJECTED_WRITES =
  `sum by (instance) (rate(${PROMETHEUS_METRICS.httpRequests}` +
  `{handler="${REMOTE_WRITE_HANDLER}", code="400"}[${WINDOW}]))`;

/**
 * Has the relay spoil writes until Prometheus's own counter of rejected writes has a rate (two
 * self-scrapes after the first rejection), then lets every write through again.
 */
export async function provokeRemoteWriteRejections(
  stack: ProofStack,
  prometheus: PrometheusServer,
): Promise<void> {
  stack.relay.setRejecting(true);
  try {
    await prometheus.waitForQuery(REJECTED_WRITES, (r) => (r.samples[0]?.value ?? 0) > 0, {
      timeoutMs: 30_000,
    });
  } finally {
    stack.relay.setRejecting(false);
  }
}
