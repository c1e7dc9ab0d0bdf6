/**
 * Telemetry pipeline alerts, read from each sidecar's own metrics: a sidecar that stopped
 * answering, refusing data (memory limiter), dropping data (queue full), failing to export, or
 * with a sending queue close to full. Refusing, dropping and exporter alerts come one rule per
 * signal so the alert says which signal suffers. Remote writes Prometheus rejects are read from
 * Prometheus's own metrics, because the sidecar does not count them.
 */
import { INSTANCE_GROUPING, SIDECAR_TARGETS, TARGET_LABELS } from '../labels.ts';
import { DASHBOARDS, PIPELINE_VARIABLES } from '../links.ts';
import { PROMETHEUS_LABELS, PROMETHEUS_METRICS, REMOTE_WRITE_HANDLER } from '../metric-names.ts';
import { hold, type RenderProfile, range } from '../profile.ts';
import { eq, num, rate, selector, sumBy } from '../promql.ts';
import type { AlertSpec, RuleGroupSpec } from '../rule-types.ts';
import {
  COLLECTOR_LABELS,
  COLLECTOR_METRICS,
  COLLECTOR_SIGNALS,
  type CollectorSignal,
} from '../sidecar-metrics.ts';

/** Queue fill (size / capacity) above which the sidecar is close to dropping data. */
export const QUEUE_FILL_THRESHOLD = 0.8;

/** Share of export attempts given up on above which an exporter counts as failing. */
export const EXPORT_FAILURE_THRESHOLD = 0.05;

const PER_EXPORTER = [...INSTANCE_GROUPING, COLLECTOR_LABELS.exporter];

// Sidecar alerts carry the sidecar's own job and instance, which the pipeline dashboard selects
// through its sidecar variables; its `service` variable names applications, not sidecars.
const SIDECAR_LINK = {
  [PIPELINE_VARIABLES.sidecar]: TARGET_LABELS.service,
  [PIPELINE_VARIABLES.sidecarInstance]: TARGET_LABELS.instance,
};

/** The pipeline alerts. */
export function pipelineRuleGroup(profile: RenderProfile): RuleGroupSpec {
  return {
    name: 'telemetry-pipeline',
    rules: [
      sidecarDown(profile),
      ...COLLECTOR_SIGNALS.map((signal) => refusingData(profile, signal)),
      ...COLLECTOR_SIGNALS.map((signal) => droppingData(profile, signal)),
      remoteWriteRejected(profile),
      ...COLLECTOR_SIGNALS.map((signal) => exporterFailing(profile, signal)),
      queueNearCapacity(profile),
    ],
  };
}

// Only sidecars Prometheus knows about: one that vanished from discovery takes its service's
// metrics with it when they flow through it, and MetricsAbsent reports that.
function sidecarDown(profile: RenderProfile): AlertSpec {
  return {
    alert: 'SidecarDown',
    expr: `${selector(PROMETHEUS_METRICS.up, [SIDECAR_TARGETS])} == 0`,
    for: hold(profile, '2m'),
    severity: 'critical',
    perService: true,
    perInstance: true,
    summary: 'The telemetry sidecar {{ $labels.instance }} is down: its service is losing data',
    description:
      `Prometheus has failed to scrape the sidecar {{ $labels.instance }} for ` +
      `${hold(profile, '2m')}. Spans and logs its service sends are refused meanwhile.`,
    dashboard: DASHBOARDS.pipeline,
    dashboardVariables: SIDECAR_LINK,
  };
}

/** Per-second rate of a sidecar counter, summed by `by`. */
function sidecarRate(metric: string, by: readonly string[], window: string): string {
  return sumBy(by, rate(selector(metric, [SIDECAR_TARGETS]), window));
}

// Any sustained refusal matters: the memory limiter only refuses above its limit, and what stays
// refused is dropped by the SDK's bounded queue. The hold skips a single garbage-collection spike.
function refusingData(profile: RenderProfile, signal: CollectorSignal): AlertSpec {
  const window = range(profile, '5m');
  const refused = sidecarRate(COLLECTOR_METRICS.receiverRefused[signal], INSTANCE_GROUPING, window);
  return {
    alert: 'SidecarRefusingData',
    expr: `${refused} > 0`,
    for: hold(profile, '5m'),
    severity: 'warning',
    labels: { signal },
    perService: true,
    perInstance: true,
    summary: `The sidecar {{ $labels.instance }} is refusing ${signal}: it is short of memory`,
    description:
      `The sidecar {{ $labels.instance }} refused {{ printf "%.2f" $value }} ${signal}/s over the ` +
      `last ${window}; its memory limiter is pushing back and senders may drop what it refuses.`,
    dashboard: DASHBOARDS.pipeline,
    dashboardVariables: SIDECAR_LINK,
  };
}

// A full sending queue turns new items away, for every signal: this data is lost for good.
function droppingData(profile: RenderProfile, signal: CollectorSignal): AlertSpec {
  const window = range(profile, '5m');
  const dropped = sidecarRate(
    COLLECTOR_METRICS.exporterEnqueueFailed[signal],
    PER_EXPORTER,
    window,
  );
  return {
    alert: 'SidecarDroppingData',
    expr: `${dropped} > 0`,
    severity: 'warning',
    labels: { signal, reason: 'queue_full' },
    perService: true,
    perInstance: true,
    summary: `The sidecar {{ $labels.instance }} is dropping ${signal}: its queue is full`,
    description:
      `Exporter {{ $labels.exporter }} on {{ $labels.instance }} dropped ` +
      `{{ printf "%.2f" $value }} ${signal}/s over the last ${window} because its sending queue ` +
      'was full. This data is lost.',
    dashboard: DASHBOARDS.pipeline,
    dashboardVariables: SIDECAR_LINK,
  };
}

// Counted on the receiving side: the sidecar's exporter (v0.165.1, retries on) records no failure
// for a 4xx and keeps the rejected batch at the head of its write-ahead log, re-sending it every
// flush (see PRW_WAL_SEND_FAILED_SAMPLES in packages/sidecar/src/metric-names.ts). So a rejection
// is no blip: it repeats until someone acts, and one rejected request is enough to warn.
function remoteWriteRejected(profile: RenderProfile): AlertSpec {
  const window = range(profile, '5m');
  const writes = selector(PROMETHEUS_METRICS.httpRequests, [
    eq(PROMETHEUS_LABELS.handler, REMOTE_WRITE_HANDLER),
    `${PROMETHEUS_LABELS.code}=~"4.."`,
  ]);
  const byStatus = [TARGET_LABELS.service, TARGET_LABELS.instance, PROMETHEUS_LABELS.code];
  return {
    alert: 'RemoteWriteRejected',
    expr: `${sumBy(byStatus, rate(writes, window))} > 0`,
    severity: 'warning',
    // Routed as Prometheus's own alert (service="prometheus"); the whole dashboard is linked, as
    // Prometheus cannot tell which sidecar sent the write.
    perService: true,
    dashboardVariables: {},
    summary: 'Prometheus {{ $labels.instance }} is rejecting remote writes from sidecars',
    description:
      `Prometheus {{ $labels.instance }} answered {{ printf "%.2f" $value }} remote writes/s ` +
      `with HTTP {{ $labels.code }} over the last ${window}. The sidecar that sent them re-sends ` +
      'the rejected batch and its metrics stop reaching Prometheus behind it.',
    dashboard: DASHBOARDS.pipeline,
  };
}

// The sent counter may not exist yet when a backend has been down since the sidecar started;
// padding it with zero keeps the ratio at 100% instead of making it vanish. Ten minutes of hold
// let a backend restart pass: its burst of failures is over before then.
function exporterFailing(profile: RenderProfile, signal: CollectorSignal): AlertSpec {
  const window = range(profile, '5m');
  const failed = sidecarRate(COLLECTOR_METRICS.exporterSendFailed[signal], PER_EXPORTER, window);
  const sent = sidecarRate(COLLECTOR_METRICS.exporterSent[signal], PER_EXPORTER, window);
  const percent = `${num(EXPORT_FAILURE_THRESHOLD * 100)}%`;
  return {
    alert: 'SidecarExporterFailing',
    expr: `${failed}\n/\n(\n  ${failed}\n  +\n  (${sent} or 0 * ${failed})\n)\n> ${num(EXPORT_FAILURE_THRESHOLD)}`,
    for: hold(profile, '10m'),
    severity: 'warning',
    labels: { signal },
    perService: true,
    perInstance: true,
    summary: `Exporter {{ $labels.exporter }} on {{ $labels.instance }} cannot deliver ${signal}`,
    description:
      `Exporter {{ $labels.exporter }} on {{ $labels.instance }} gave up on ` +
      `{{ $value | humanizePercentage }} of its ${signal} over the last ${window} ` +
      `(threshold ${percent}): retries ran out or the backend rejected them.`,
    dashboard: DASHBOARDS.pipeline,
    dashboardVariables: SIDECAR_LINK,
  };
}

// Size and capacity count the same unit (batches or items, as the queue is configured), so their
// ratio is the fill level whatever the sizing.
function queueNearCapacity(profile: RenderProfile): AlertSpec {
  const size = sumBy(
    PER_EXPORTER,
    selector(COLLECTOR_METRICS.exporterQueueSize, [SIDECAR_TARGETS]),
  );
  const capacity = sumBy(
    PER_EXPORTER,
    selector(COLLECTOR_METRICS.exporterQueueCapacity, [SIDECAR_TARGETS]),
  );
  const percent = `${num(QUEUE_FILL_THRESHOLD * 100)}%`;
  return {
    alert: 'SidecarQueueNearCapacity',
    expr: `${size}\n/\n${capacity}\n> ${num(QUEUE_FILL_THRESHOLD)}`,
    for: hold(profile, '5m'),
    severity: 'warning',
    perService: true,
    perInstance: true,
    summary: 'The sending queue of {{ $labels.exporter }} on {{ $labels.instance }} is almost full',
    description:
      `Exporter {{ $labels.exporter }} on {{ $labels.instance }} has filled ` +
      `{{ $value | humanizePercentage }} of its sending queue (threshold ${percent}); once full, ` +
      'new data is dropped.',
    dashboard: DASHBOARDS.pipeline,
    dashboardVariables: SIDECAR_LINK,
  };
}
