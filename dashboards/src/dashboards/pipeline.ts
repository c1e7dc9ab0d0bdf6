/**
 * Telemetry pipeline: is telemetry getting out? The SDK's own failure counters inside the
 * service, then the sidecar collector's accepted, refused, sent and failed items per signal,
 * its queue fill and memory-limiter refusals, and the collector's own CPU and memory.
 */
import type { Dashboard } from '@grafana/grafana-foundation-sdk/dashboard';
import * as units from '@grafana/grafana-foundation-sdk/units';
import { buildDashboard } from '../frame.ts';
import { TARGET_LABELS } from '../labels.ts';
import { LOOKOUT_LABELS, LOOKOUT_METRICS } from '../metric-names.ts';
import { warnAt } from '../panel-common.ts';
import { statPanel, timeSeriesPanel } from '../panels.ts';
import { orZero, rate, series, serviceSeries, sumBy } from '../promql.ts';
import {
  COLLECTOR_METRICS as C,
  COLLECTOR_LABELS,
  COLLECTOR_SIGNALS,
  type CollectorSignal,
  MEMORY_LIMITER_ID,
  SIGNAL_TITLES,
} from '../sidecar-metric-names.ts';
import { prom } from '../targets.ts';
import { labelVariable, standardVariables } from '../variables.ts';

/** Never changes: links and alert annotations point at it. */
export const PIPELINE_UID = 'lookout-pipeline';

// Sidecars are scrape targets of their own, picked by their `job` and `instance`.
const ENVIRONMENT = `${TARGET_LABELS.environment}=~"$environment"`;
const SIDECAR_MATCHERS = [
  `${TARGET_LABELS.service}=~"$sidecar"`,
  ENVIRONMENT,
  `${TARGET_LABELS.instance}=~"$sidecar_instance"`,
];
const EXPORTER = COLLECTOR_LABELS.exporter;
const SIGNAL = LOOKOUT_LABELS.signal;

function sidecar(metric: string, extra: readonly string[] = []): string {
  return series(metric, SIDECAR_MATCHERS, extra);
}

function inService() {
  return [
    timeSeriesPanel({
      title: 'SDK telemetry errors',
      description:
        "Failures inside the service's telemetry (export errors, by signal and reason). The " +
        'app is never affected, but the data in question is missing: check the sidecar is up.',
      unit: units.OpsPerSecond,
      targets: [
        prom(
          orZero(
            sumBy(
              [SIGNAL, LOOKOUT_LABELS.reason],
              rate(serviceSeries(LOOKOUT_METRICS.telemetryErrors)),
            ),
          ),
          `{{${SIGNAL}}} {{${LOOKOUT_LABELS.reason}}}`,
        ),
      ],
    }),
    timeSeriesPanel({
      title: 'SDK telemetry dropped',
      description:
        'Spans and log records the service dropped because its bounded in-process queue was ' +
        'full, by signal: the sidecar is slow or unreachable.',
      unit: units.OpsPerSecond,
      targets: [
        prom(
          orZero(sumBy([SIGNAL], rate(serviceSeries(LOOKOUT_METRICS.telemetryDropped)))),
          `{{${SIGNAL}}}`,
        ),
      ],
    }),
  ];
}

// Every outcome of one signal on its way through the sidecar, on one graph.
function signalFlow(signal: CollectorSignal) {
  const outcomes: readonly [string, Readonly<Record<CollectorSignal, string>>][] = [
    ['accepted', C.receiverAccepted],
    ['refused', C.receiverRefused],
    ['receiver failed', C.receiverFailed],
    ['sent', C.exporterSent],
    ['send failed', C.exporterSendFailed],
    ['enqueue failed (dropped)', C.exporterEnqueueFailed],
  ];
  return timeSeriesPanel({
    title: `${SIGNAL_TITLES[signal]} through the sidecar`,
    description:
      `${SIGNAL_TITLES[signal]} per second accepted by the receivers, refused (memory limiter) ` +
      'or failed there, and sent or failed by the exporters. Sent should track accepted; ' +
      'enqueue failures are data lost because the sending queue was full.',
    unit: units.OpsPerSecond,
    width: 8,
    targets: outcomes.map(([legend, names]) =>
      prom(orZero(sumBy([], rate(sidecar(names[signal])))), legend),
    ),
  });
}

function queueAndLimits() {
  const fill = `${sidecar(C.exporterQueueSize)} / ${sidecar(C.exporterQueueCapacity)}`;
  // The component id is `memory_limiter` or `memory_limiter/<name>`.
  const limiter = [`${COLLECTOR_LABELS.processor}=~"${MEMORY_LIMITER_ID}(/.*)?"`];
  const incoming = sumBy([COLLECTOR_LABELS.signal], rate(sidecar(C.processorIncoming, limiter)));
  const outgoing = sumBy([COLLECTOR_LABELS.signal], rate(sidecar(C.processorOutgoing, limiter)));
  return [
    timeSeriesPanel({
      title: 'Sending queue fill',
      description:
        "Used share of each exporter's persistent sending queue, fullest sidecar. It fills while " +
        'a backend is down; at 100% new data is dropped (enqueue failed).',
      unit: units.PercentUnit,
      min: 0,
      max: 1,
      thresholds: warnAt(0.7, 0.9),
      targets: [prom(`max by (${EXPORTER}) (${fill})`, `{{${EXPORTER}}}`)],
    }),
    timeSeriesPanel({
      title: 'Sending queue size and capacity',
      description:
        "Batches waiting in each exporter's queue and the queue's capacity, summed over sidecars.",
      unit: units.Short,
      targets: [
        prom(sumBy([EXPORTER], sidecar(C.exporterQueueSize)), `size {{${EXPORTER}}}`),
        prom(sumBy([EXPORTER], sidecar(C.exporterQueueCapacity)), `capacity {{${EXPORTER}}}`),
      ],
    }),
    timeSeriesPanel({
      title: 'Memory-limiter refusals',
      description:
        'Items per second the memory limiter refused (handed in but not passed on), by signal. ' +
        'Senders retry, but sustained refusals mean the sidecar needs more memory.',
      unit: units.OpsPerSecond,
      targets: [prom(orZero(`${incoming} - ${outgoing}`), `{{${COLLECTOR_LABELS.signal}}}`)],
    }),
    timeSeriesPanel({
      title: 'Exporter failures',
      description:
        'Items per second in failed export attempts, by exporter and signal. Retries follow; ' +
        'if the queue fills too, the backend behind that exporter is the problem.',
      unit: units.OpsPerSecond,
      targets: COLLECTOR_SIGNALS.map((signal) =>
        prom(
          orZero(sumBy([EXPORTER], rate(sidecar(C.exporterSendFailed[signal])))),
          `{{${EXPORTER}}} ${signal}`,
        ),
      ),
    }),
  ];
}

function collectorProcess() {
  return [
    timeSeriesPanel({
      title: 'Sidecar memory',
      description:
        'Resident memory and Go heap of each sidecar. The memory limiter starts refusing data ' +
        "near its limit, which should sit below the container's.",
      unit: units.BytesIEC,
      width: 10,
      targets: [
        prom(
          `max by (${TARGET_LABELS.instance}) (${sidecar(C.processMemoryRss)})`,
          `rss {{${TARGET_LABELS.instance}}}`,
        ),
        prom(
          `max by (${TARGET_LABELS.instance}) (${sidecar(C.processHeapAlloc)})`,
          `heap {{${TARGET_LABELS.instance}}}`,
        ),
      ],
    }),
    timeSeriesPanel({
      title: 'Sidecar CPU',
      description: 'CPU time per second of each sidecar; 100% is one core.',
      unit: units.PercentUnit,
      width: 10,
      targets: [
        prom(
          sumBy([TARGET_LABELS.instance], rate(sidecar(C.processCpuSeconds))),
          `{{${TARGET_LABELS.instance}}}`,
        ),
      ],
    }),
    statPanel({
      title: 'Sidecar uptime',
      description:
        'Time since the most recently started sidecar started; a small value is a restart.',
      unit: units.DurationSeconds,
      width: 4,
      height: 8,
      targets: [prom(`min(${sidecar(C.processUptime)})`, 'uptime')],
    }),
  ];
}

/** Builds the telemetry pipeline dashboard (without its version). */
export function pipeline(): Dashboard {
  return buildDashboard({
    uid: PIPELINE_UID,
    title: 'Lookout / Telemetry pipeline',
    description:
      "Telemetry from the service to the backends: SDK failures and drops, the sidecar's " +
      'items per signal, queue fill, memory-limiter refusals and exporter failures.',
    tags: ['pipeline', 'sidecar'],
    variables: [
      ...standardVariables(LOOKOUT_METRICS.buildInfo),
      labelVariable('sidecar', 'Sidecar job', C.processUptime, TARGET_LABELS.service, [
        ENVIRONMENT,
      ]),
      labelVariable('sidecar_instance', 'Sidecar', C.processUptime, TARGET_LABELS.instance, [
        ENVIRONMENT,
        `${TARGET_LABELS.service}=~"$sidecar"`,
      ]),
    ],
    sections: [
      { title: 'In the service', panels: inService() },
      { title: 'Through the sidecar, per signal', panels: COLLECTOR_SIGNALS.map(signalFlow) },
      { title: 'Queue and limits', panels: queueAndLimits() },
      { title: 'Sidecar process', panels: collectorProcess() },
    ],
  });
}
