/**
 * When a sidecar's queue overflows, what it turns away is counted and pages. The sidecars get
 * queues of a few dozen items while Tempo and Loki are down, so steady traffic fills them within
 * a second; a real Prometheus scraping the sidecars' own metrics then evaluates the pipeline
 * alerts (FAST profile) on those counters, exactly as in production.
 */
import { SIDECAR_JOB } from '@lookout/alerts';
import {
  EXPORTER_ENQUEUE_FAILED_LOG_RECORDS,
  EXPORTER_ENQUEUE_FAILED_SPANS,
  SIDECAR_COMPONENTS,
} from '@lookout/sidecar/metric-names';
import type { PromAlert } from '@lookout/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatLossReport } from './support/loss-report.ts';
import { type PipelineStack, startPipelineStack } from './support/pipeline-stack.ts';
import { pollUntil } from './support/poll-until.ts';
import { type ServiceLosses, telemetryLostBySignal } from './support/service-drops.ts';
import { waitForFiring, watchSidecars } from './support/sidecar-alerting.ts';
import { type SidecarCounts, sidecarCounts } from './support/sidecar-counts.ts';
import { runTraffic } from './support/traffic.ts';

// Queue capacities, items. An export request larger than the whole queue is refused even when
// the queue is empty, so each must hold one of the SDK's 200 ms batches: at 10 rps, about a dozen
// spans but only two log records. The traffic (~170 spans, ~30 records) overflows both.
const QUEUE_ITEMS = { spans: 40, logs: 10 };
const TRAFFIC = { rps: 10, durationMs: 3_000 };
// Overlays on the production config that shrink the two OTLP exporters' queues.
const TINY_QUEUES = [
  [SIDECAR_COMPONENTS.tracesExporter, QUEUE_ITEMS.spans],
  [SIDECAR_COMPONENTS.logsExporter, QUEUE_ITEMS.logs],
].map(
  ([exporter, items]) => `
exporters:
  ${exporter}:
    sending_queue:
      queue_size: ${items}
      num_consumers: 1
      batch:
        min_size: 1
        max_size: 5
`,
);

/** The orders sidecar's counts and the orders service's own losses, once both settled. */
interface Outcome {
  readonly sidecar: SidecarCounts;
  readonly service: ServiceLosses;
}

let stack: PipelineStack;
let firing: PromAlert[];
let firedAfterMs: number;
let outcome: Outcome;

beforeAll(async () => {
  stack = await startPipelineStack({ sidecarOverlays: TINY_QUEUES });
  await Promise.all([stack.tempo.stop(), stack.loki.stop()]);
  await watchSidecars(stack);

  const started = Date.now();
  await runTraffic({ ordersUrl: stack.services.orders.url, ...TRAFFIC });
  firing = await waitForFiring(stack, [dropping('spans'), dropping('log_records')], 60_000);
  firedAfterMs = Date.now() - started;
  outcome = await settledOutcome();
});

afterAll(async () => {
  await stack?.stop();
});

/** The `instance` label Prometheus gives the orders sidecar's own metrics. */
const ordersSidecarInstance = () => `127.0.0.1:${stack.sidecars.orders.ports.telemetry}`;

/** Matches SidecarDroppingData for `signal` from the orders sidecar. */
function dropping(signal: 'spans' | 'log_records') {
  return (alert: PromAlert) =>
    alert.labels.alertname === 'SidecarDroppingData' &&
    alert.labels.signal === signal &&
    alert.labels.reason === 'queue_full' &&
    alert.labels.instance === ordersSidecarInstance();
}

/**
 * Waits until the SDK has given up retrying what the sidecar refused: its OTLP exporter retries a
 * refused export 4 times, backing off at most about 4 s in between, and each retry is refused
 * and counted again. Nothing changing for longer than that means it is over.
 */
function settledOutcome(): Promise<Outcome> {
  let previous = '';
  const read = async () => ({
    sidecar: await sidecarCounts(stack.sidecars.orders),
    service: await telemetryLostBySignal(stack.services.orders),
  });
  return pollUntil(
    read,
    (now) => {
      // Metric counts grow with every scrape; only spans and logs must stand still.
      const key = JSON.stringify([now.sidecar.spans, now.sidecar.logs, now.service]);
      const settled = key === previous;
      previous = key;
      return settled;
    },
    { what: 'the refusals to stop', timeoutMs: 60_000, intervalMs: 5_000 },
  );
}

function printOutcome(): void {
  const { sidecar, service } = outcome;
  const rows = (['spans', 'logs'] as const).map((signal) => ({
    signal: signal === 'spans' ? 'spans' : 'log records',
    sent: sidecar[signal].accepted + service[signal],
    delivered: 0,
    dropped: service[signal],
    duplicates: 0,
  }));
  const refused = `${sidecar.spans.enqueueFailed} span and ${sidecar.logs.enqueueFailed} log`;
  const title =
    `Overflow: orders sidecar with queues of ${QUEUE_ITEMS.spans} spans and ` +
    `${QUEUE_ITEMS.logs} log records, Tempo and Loki down, ` +
    `${TRAFFIC.rps} rps for ${TRAFFIC.durationMs / 1000} s`;
  const notes = [
    `delivered: none yet, the backends are down; the ${sidecar.spans.accepted} spans and ` +
      `${sidecar.logs.accepted} log records accepted stay queued and retried`,
    `dropped: what the service's SDK gave up on after its retries; the sidecar counted ` +
      `${refused} record refusals (enqueue failed), retries of the same records included`,
    `SidecarDroppingData fired for spans and log records ${(firedAfterMs / 1000).toFixed(1)} s ` +
      'after the traffic started',
  ];
  console.log(formatLossReport({ title, figures: rows, notes }));
}

describe('a sidecar whose queue overflows', () => {
  it('turns records away once its queue is full, and counts every one it turned away', () => {
    printOutcome();
    const { sidecar, service } = outcome;

    for (const signal of ['spans', 'logs'] as const) {
      expect(sidecar[signal].queued, signal).toBeGreaterThan(0);
      expect(sidecar[signal].queued, signal).toBeLessThanOrEqual(QUEUE_ITEMS[signal]);
    }
    expect(service.spans).toBeGreaterThan(0);
    expect(service.logs).toBeGreaterThan(0);
    // Each record the service lost was refused at least once, and each refusal was counted.
    expect(sidecar.spans.enqueueFailed).toBeGreaterThanOrEqual(service.spans);
    expect(sidecar.logs.enqueueFailed).toBeGreaterThanOrEqual(service.logs);
  });

  it('fires SidecarDroppingData for spans and for log records, naming the exporter', () => {
    const exporters = firing
      .filter((alert) => alert.labels.alertname === 'SidecarDroppingData')
      .map((alert) => `${alert.labels.signal} ${alert.labels.exporter}`);

    expect(exporters).toEqual(
      expect.arrayContaining([
        `spans ${SIDECAR_COMPONENTS.tracesExporter}`,
        `log_records ${SIDECAR_COMPONENTS.logsExporter}`,
      ]),
    );
  });

  it("holds the sidecar's drop counters in Prometheus as the sidecar counts them", async () => {
    const selector = `{job="${SIDECAR_JOB}",instance="${ordersSidecarInstance()}"}`;
    // Prometheus scrapes the sidecar every second.
    const POLL = { timeout: 10_000, interval: 250 };
    const stored = async (metric: string) =>
      (await stack.prometheus.query(`sum(${metric}${selector})`)).samples[0]?.value;

    await expect
      .poll(() => stored(EXPORTER_ENQUEUE_FAILED_SPANS), POLL)
      .toBe(outcome.sidecar.spans.enqueueFailed);
    await expect
      .poll(() => stored(EXPORTER_ENQUEUE_FAILED_LOG_RECORDS), POLL)
      .toBe(outcome.sidecar.logs.enqueueFailed);
  });
});
