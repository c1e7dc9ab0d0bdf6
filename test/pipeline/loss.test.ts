/**
 * The loss test: under steady load, Tempo, Loki and Prometheus go away for 60 s and come back,
 * and every span, log record and metric sample produced meanwhile arrives; then each sidecar is
 * killed with SIGKILL while its queue holds data, and what it held arrives after a restart.
 *
 * The figures (sent, delivered, dropped per signal; p99 before and during the outage) are printed
 * for the closing note. Latency is reported, not asserted: a shared 2-core machine makes
 * a ratio test flaky without telling anything about the code.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackends, stopBackends } from './support/backends.ts';
import { outageLatency } from './support/latency-window.ts';
import { formatLossReport, type SignalFigures } from './support/loss-report.ts';
import { type MetricAccount, metricAccounts } from './support/metric-accounts.ts';
import { type OutagePlan, runTrafficThroughOutage } from './support/outage-run.ts';
import {
  type PipelineStack,
  SCRAPE_INTERVAL_SECONDS,
  SERVICE_NAMES,
  type ServiceName,
  startPipelineStack,
} from './support/pipeline-stack.ts';
import { requestCounterQueries } from './support/request-counters.ts';
import { logsOutsideRequests, missingTelemetry } from './support/request-coverage.ts';
import { cutAfterNextScrape, type ScrapeCut } from './support/scrape-cut.ts';
import { telemetryLostInService } from './support/service-drops.ts';
import { lostItems } from './support/sidecar-counts.ts';
import { figuresSince, metricFigures, recordFigures } from './support/signal-figures.ts';
import {
  allSidecarCounts,
  cutEverySidecar,
  longestScrapeGap,
  settledSidecarCounts,
  waitForSpansAndLogs,
} from './support/stack-readings.ts';
import { expectedStatusCounts, runTraffic, type TrafficResult } from './support/traffic.ts';
import { waitForQueued } from './support/wait-for-queued.ts';

const PLAN: OutagePlan = {
  rps: 30,
  warmupMs: 3_000,
  baselineMs: 20_000,
  outageMs: 60_000,
  tailMs: 2_000,
};
// After an outage each exporter resumes on its own retry schedule (backoff capped at 30 s in
// config/sidecar.yaml); the queues then drain within seconds.
const RECOVERY_TIMEOUT_MS = 90_000;
// One scrape per interval; a missing scrape would double the distance between two.
const MAX_SCRAPE_GAP_SECONDS = 1.5 * SCRAPE_INTERVAL_SECONDS;
// Left out of the outage's middle latency window: see outageLatency.
const OUTAGE_EDGE_MS = 10_000;

let stack: PipelineStack;
let stackStartedAt: number;
// Every run's traffic, for the request counters Prometheus must end up with.
const runs: TrafficResult[] = [];
// The outage test's totals, so the crash test reports only what came after them.
let outageFigures: SignalFigures[] | undefined;

beforeAll(async () => {
  stackStartedAt = Date.now() / 1000;
  stack = await startPipelineStack();
});

afterAll(async () => {
  await stack?.stop();
});

/** Prometheus's samples of each service up to its sidecar's cut, since the stack started. */
function accountsUpTo(cuts: ReadonlyMap<ServiceName, ScrapeCut>): Promise<MetricAccount[]> {
  const options = { since: stackStartedAt, timeoutMs: RECOVERY_TIMEOUT_MS };
  return metricAccounts(stack.prometheus, cuts, options);
}

/** Expects Prometheus's request counters (optionally at a past time) to count every answer. */
async function expectRequestCounters(at?: number): Promise<void> {
  for (const { query, answered } of requestCounterQueries(runs, at)) {
    const result = await stack.prometheus.waitForQuery(
      query,
      (r) => r.samples[0]?.value === answered,
      { timeoutMs: RECOVERY_TIMEOUT_MS },
    );
    expect(result.samples[0]?.value, query).toBe(answered);
  }
}

const staleNote = (accounts: readonly MetricAccount[]) =>
  `metric samples delivered include ` +
  `${accounts.reduce((n, a) => n + a.delivery.staleMarkers, 0)} staleness markers`;

describe('the pipeline through a backend outage and a sidecar crash', () => {
  it('delivers every span, log record and metric sample made during a 60 s outage', async () => {
    const { traffic, window } = await runTrafficThroughOutage(stack, PLAN);
    runs.push(traffic);

    const accepted = () => allSidecarCounts(stack);
    const { counts, spans, logs } = await waitForSpansAndLogs(stack, accepted, RECOVERY_TIMEOUT_MS);
    const recoveredAfter = Date.now() / 1000 - window.endEpoch;
    const accounts = await accountsUpTo(await cutEverySidecar(stack));
    const outageGap = await longestScrapeGap(stack, window.startEpoch, window.endEpoch);
    const figures = [
      recordFigures('spans', counts, spans),
      recordFigures('logs', counts, logs),
      metricFigures(accounts),
    ];
    outageFigures = figures;
    const edges = { warmupMs: PLAN.warmupMs, edgeMs: OUTAGE_EDGE_MS, ...window };
    console.log(
      formatLossReport({
        title:
          `Loss test: ${PLAN.outageMs / 1000} s outage of Tempo, Loki and Prometheus ` +
          `at ${PLAN.rps} rps`,
        figures,
        latency: outageLatency(traffic.load, edges),
        notes: [
          `spans and logs all delivered ${recoveredAfter.toFixed(1)} s after the backends returned`,
          staleNote(accounts),
          `longest stretch without a stored scrape during the outage: ${outageGap.toFixed(2)} s`,
        ],
      }),
    );

    expect(traffic.load.statusCounts).toEqual(expectedStatusCounts(traffic));
    for (const name of SERVICE_NAMES) {
      expect(await telemetryLostInService(stack.services[name]), name).toBe(0);
    }
    for (const figure of figures) expect(figure.dropped, figure.signal).toBe(0);
    const missing = missingTelemetry(traffic.requests, stack.tempo, stack.loki);
    const strays = logsOutsideRequests(traffic.requests, stack.loki);
    expect(missing, strays).toEqual({ spans: [], logs: [] });
    expect(outageGap).toBeLessThanOrEqual(MAX_SCRAPE_GAP_SECONDS);
    await expectRequestCounters();
  });

  it('delivers what each sidecar held in its queue when killed, after a restart', async () => {
    await stopBackends(stack);
    const burstStart = Date.now() / 1000;
    const burst = runTraffic({
      ordersUrl: stack.services.orders.url,
      rps: PLAN.rps,
      durationMs: 8_000,
    });
    // Orders logs every request; inventory logs none.
    await Promise.all(
      SERVICE_NAMES.map((name) => waitForQueued(stack.sidecars[name], name === 'orders')),
    );
    const burstTraffic = await burst;
    runs.push(burstTraffic);

    const held = await settledSidecarCounts(stack);
    const cuts = new Map<ServiceName, ScrapeCut>();
    for (const name of SERVICE_NAMES) {
      // Killed right after a scrape was written to its WAL: the cut counts every sample it held.
      cuts.set(name, await cutAfterNextScrape(stack.sidecars[name]));
      await stack.sidecars[name].crash();
    }
    for (const name of SERVICE_NAMES) await stack.restartSidecar(name);
    await startBackends(stack);

    const { spans, logs } = await waitForSpansAndLogs(stack, async () => held, RECOVERY_TIMEOUT_MS);
    const accounts = await accountsUpTo(cuts);
    // Replaying a queue must not cost anything either (a rejected resend, say).
    const lostAfterRestart = lostItems(await allSidecarCounts(stack));
    const crashedAt = Math.min(...[...cuts.values()].map((cut) => cut.at));
    const burstGap = await longestScrapeGap(stack, burstStart, crashedAt);
    const totals = [
      recordFigures('spans', held, spans),
      recordFigures('logs', held, logs),
      metricFigures(accounts),
    ];
    const figures = figuresSince(totals, outageFigures);
    console.log(
      formatLossReport({
        title: 'Crash test: kill -9 of both sidecars with data queued, then a restart',
        figures,
        notes: [
          `queued at the kill: ${held.spans.queued} spans, ${held.logs.queued} log records, ` +
            `${held.metrics.queued} remote-write WAL entries`,
          `counted as lost by the restarted sidecars: ${lostAfterRestart}`,
        ],
      }),
    );

    expect(held.spans.queued).toBeGreaterThan(0);
    expect(held.logs.queued).toBeGreaterThan(0);
    expect(held.metrics.queued).toBeGreaterThan(0);
    const missing = missingTelemetry(burstTraffic.requests, stack.tempo, stack.loki);
    const strays = logsOutsideRequests(
      runs.flatMap((run) => run.requests),
      stack.loki,
    );
    expect(missing, strays).toEqual({ spans: [], logs: [] });
    expect(lostAfterRestart).toBe(0);
    for (const figure of totals) expect(figure.dropped, figure.signal).toBe(0);
    expect(burstGap).toBeLessThanOrEqual(MAX_SCRAPE_GAP_SECONDS);
    await expectRequestCounters(crashedAt);
  });
});
